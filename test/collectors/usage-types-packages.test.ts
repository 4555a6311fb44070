import { beforeAll, describe, expect, it } from "vitest";
import { declaresGlobals } from "../../src/collectors/usage/ambient-types.js";
import type { UsageEvidence } from "../../src/collectors/usage/types.js";
import { usageMessages } from "../../src/scoring/usage/messages.js";
import { usageClass } from "../../src/signals/usage/usage-class.js";
import { inventoryPackage, now } from "../helpers/evidence.js";
import { ruleFindings } from "../helpers/rules.js";
import { analyzeUsageFixture } from "../helpers/usage-fixture.js";

let packages: Map<string, UsageEvidence>;

beforeAll(async () => {
  packages = (await analyzeUsageFixture("types-packages")).packages;
});

const classOf = (name: string) => packages.get(name)?.class;

describe("@types packages", () => {
  it("classes each by what TypeScript would load", () => {
    expect(classOf("@types/imported-lib")).toBe("type-only");
    expect(classOf("@types/ships-own")).toBe("unused");
    expect(packages.get("@types/ships-own")?.typesShippedBy).toBe("ships-own");
    expect(classOf("@types/module-only")).toBe("unused");
    expect(classOf("@types/has-globals")).toBe("unknown");
    expect(classOf("@types/refs-only")).toBe("unknown");
    expect(packages.get("@types/has-globals")?.blindSpots.map((s) => s.detail)).toEqual([
      "TypeScript loads @types/has-globals without an import",
    ]);
  });

  it("says why a redundant @types package can go", () => {
    const usage = packages.get("@types/ships-own");
    if (!usage) throw new Error("no usage");
    const computed = usageClass.compute({ evidence: { usage }, pkg: inventoryPackage(), now });
    expect(computed.note).toBe("ships-own ships its own types");
    const findings = ruleFindings({ usageClass: { unit: "text", trusted: true, ...computed } });
    expect(findings.map((f) => [f.action, usageMessages[f.code](f.args)])).toEqual([
      [
        "sunset",
        "ships-own ships its own type declarations, which TypeScript loads instead: this @types package is never used",
      ],
    ]);
  });

  it("tells declarations that add globals from module-only ones", () => {
    expect(declaresGlobals("export declare const a: number;")).toBe(false);
    expect(declaresGlobals("export {};\ndeclare global {\n  var x: number;\n}")).toBe(true);
    expect(declaresGlobals("export = A;\nexport as namespace A;\ndeclare const A: 1;")).toBe(false);
    expect(declaresGlobals("declare const jestGlobal: number;")).toBe(true);
    expect(declaresGlobals('declare module "x" {\n  export const y: 1;\n}')).toBe(false);
    expect(declaresGlobals('/// <reference types="node" />\n')).toBeNull();
    expect(declaresGlobals("export declare const = ;")).toBeNull();
  });
});
