import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/schema.js";
import { messages } from "../../src/scoring/messages.js";
import { defaultPolicy } from "../../src/scoring/policy.js";
import { ruleTable } from "../../src/scoring/rule-table.js";
import { allRules } from "../../src/scoring/rules/index.js";

const rulesDir = path.resolve(import.meta.dirname, "../../src/scoring/rules");
const ruleFiles = readdirSync(rulesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(path.join(rulesDir, d.name)).map((f) => path.join(rulesDir, d.name, f)),
  )
  .filter((f) => /\bdefineRule\(/.test(readFileSync(f, "utf8")));

describe("the rule list", () => {
  it("lists every rule file exactly once, one rule per file", () => {
    const declared = ruleFiles.map((f) => /id: "(\w+)"/.exec(readFileSync(f, "utf8"))?.[1]);
    expect(declared.sort()).toEqual(allRules.map((r) => r.id).sort());
    expect(new Set(declared).size).toBe(declared.length);
  });

  it("words every rule and documents why it exists", () => {
    for (const rule of allRules) {
      expect(Object.hasOwn(messages, rule.id), rule.id).toBe(true);
      expect(rule.doc.length, rule.id).toBeGreaterThan(40);
    }
  });

  it("lets a config override every rule by id, and rejects an unknown id", () => {
    for (const rule of allRules)
      expect(
        configSchema.safeParse({ rules: { [rule.id]: { enabled: false } } }).success,
        rule.id,
      ).toBe(true);
    expect(configSchema.safeParse({ rules: { noSuchRule: { enabled: false } } }).success).toBe(
      false,
    );
    expect(configSchema.safeParse({ rules: { abandoned: { point: 3 } } }).success).toBe(false);
  });

  it("prints the user's points, not the defaults", () => {
    const rows = ruleTable({
      ...defaultPolicy,
      rules: { abandoned: { points: 5, enabled: false } },
    });
    expect(rows.find((r) => r.id === "abandoned")).toMatchObject({
      points: 5,
      enabled: false,
      feeds: "adopt",
    });
    expect(rows.find((r) => r.id === "openAdvisoryFixable")?.points).toBe("varies");
  });
});
