import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import publishedSchema from "../../src/config/jenga.schema.json" with { type: "json" };
import { loadConfig } from "../../src/config/load-config.js";
import { configJsonSchema } from "../../src/config/schema.js";
import { InputError, UsageError } from "../../src/errors.js";
import { defaultPolicy } from "../../src/scoring/policy.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "jenga-config-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("loadConfig", () => {
  it("uses the defaults without a config", async () => {
    expect(await loadConfig({ projectDir: dir })).toEqual({
      file: null,
      config: {},
      policy: defaultPolicy,
    });
  });

  it("reads jenga.config.json and lays it over the defaults", async () => {
    await writeFile(
      path.join(dir, "jenga.config.json"),
      JSON.stringify({
        gate: { failOn: ["sunset", "adopt"] },
        thresholds: { fix: 70 },
        registry: { quietMonths: 36 },
      }),
    );
    const { policy } = await loadConfig({ projectDir: dir });
    expect(policy.gate.failOn).toEqual(["sunset", "adopt"]);
    expect(policy.thresholds).toEqual({ ...defaultPolicy.thresholds, fix: 70 });
    expect(policy.registry.quietMonths).toBe(36);
    expect(policy.registry.tinyBytes).toBe(defaultPolicy.registry.tinyBytes);
  });

  it("reads the jenga key of package.json", async () => {
    await writeFile(
      path.join(dir, "package.json"),
      JSON.stringify({ name: "x", jenga: { includeDev: false } }),
    );
    expect((await loadConfig({ projectDir: dir })).policy.includeDev).toBe(false);
  });

  it("lists every problem at once, unknown keys included", async () => {
    const file = path.join(dir, "jenga.config.json");
    await writeFile(
      file,
      JSON.stringify({
        gate: { failOn: ["explode"] },
        waivers: [{ package: "left-pad", reason: "ok", until: "next year" }],
        thresholds: { fix: -1 },
        tresholds: {},
      }),
    );
    const error = await loadConfig({ projectDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    const { message, problems } = error as UsageError;
    expect(message).toBe(`${file}: invalid config (4 problems)`);
    expect(problems.some((p) => p.startsWith("gate.failOn.0:"))).toBe(true);
    expect(problems).toContain("waivers.0.until: must be an ISO date such as 2027-03-01");
    expect(problems.some((p) => p.startsWith("thresholds.fix:"))).toBe(true);
    expect(problems.some((p) => p.includes("tresholds"))).toBe(true);
  });

  it("names the file and line of a JSON syntax error", async () => {
    const file = path.join(dir, "custom.json");
    await writeFile(file, '{\n  "gate": {\n    "failOn": ["sunset",]\n  }\n}\n');
    const error = (await loadConfig({ file, projectDir: dir }).catch(
      (e: unknown) => e,
    )) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.file).toBe(file);
    expect(error.line).toBe(3);
  });

  it("fails clearly on a missing --config file", async () => {
    const file = path.join(dir, "nope.json");
    await expect(loadConfig({ file, projectDir: dir })).rejects.toThrow(
      `${file}: config file not found or unreadable`,
    );
  });
});

describe("the published JSON Schema", () => {
  it("is generated from the schema the code validates with (run `npm run schema` after changing it)", () => {
    expect(publishedSchema).toEqual(configJsonSchema());
  });
});

describe("policy overrides", () => {
  it("reaches nested groups key by key and rejects unknown nested keys", async () => {
    const file = path.join(dir, "jenga.config.json");
    await writeFile(
      file,
      JSON.stringify({
        advisories: { points: { fixableBySeverity: { high: 60 } } },
        git: { abandonedMonths: 36 },
        gate: { failOnSeverity: "critical" },
      }),
    );
    const { policy } = await loadConfig({ projectDir: dir });
    expect(policy.advisories.points.fixableBySeverity.high).toBe(60);
    expect(policy.advisories.points.fixableBySeverity.critical).toBe(
      defaultPolicy.advisories.points.fixableBySeverity.critical,
    );
    expect(policy.git.abandonedMonths).toBe(36);
    expect(policy.gate.failOnSeverity).toBe("critical");

    await writeFile(
      file,
      JSON.stringify({ advisories: { points: { fixableBySeverity: { hgih: 60 } } } }),
    );
    const error = (await loadConfig({ projectDir: dir }).catch((e: unknown) => e)) as UsageError;
    expect(error.problems.some((p) => p.startsWith("advisories.points.fixableBySeverity"))).toBe(
      true,
    );
  });
});

describe("the README's config example", () => {
  it("is valid", async () => {
    const readme = await readFile(path.resolve(import.meta.dirname, "../../README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Configuration"));
    const example = /```json\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
    const file = path.join(dir, "jenga.config.json");
    await writeFile(file, example);
    const { policy } = await loadConfig({ projectDir: dir });
    expect(policy.gate.failOnSeverity).toBe("high");
  });
});
