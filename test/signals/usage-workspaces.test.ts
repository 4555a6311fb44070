import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeProject } from "../../src/collectors/usage/collect-usage.js";
import { usageLimits } from "../../src/collectors/usage/limits.js";
import type { UsageEvidence } from "../../src/collectors/usage/types.js";
import { usageMessages } from "../../src/scoring/usage/messages.js";
import { ruleFindings } from "../helpers/rules.js";
import { type Signals, usageSignalsFor } from "../helpers/usage-signals.js";

const fixture = path.resolve(import.meta.dirname, "../fixtures/usage/workspaces");
let packages: Map<string, UsageEvidence>;

beforeAll(async () => {
  packages = (await analyzeProject(fixture, usageLimits))?.packages ?? new Map();
});

function signalsOf(name: string): Signals {
  const usage = packages.get(name);
  if (!usage) throw new Error(`no usage for ${name}`);
  return usageSignalsFor(usage);
}

describe("the workspace mismatch signal", () => {
  it("lists each disagreeing workspace and words one note (hygiene, never a verdict)", () => {
    const moment = signalsOf("moment");
    expect(moment.misplacedDeclaration?.value).toEqual([
      "declared by packages/sdk, which never uses it",
      "used by packages/app, which does not declare it",
    ]);
    const findings = ruleFindings(moment);
    expect(findings.map((f) => [f.action, f.points, usageMessages[f.code](f.args)])).toEqual([
      [
        null,
        0,
        "declared by packages/sdk, which never uses it; imported by packages/app, which does not declare it: it works only while npm hoists it",
      ],
    ]);
  });

  it("is empty, and finds nothing, where the workspaces agree", () => {
    const helper = signalsOf("root-helper");
    expect(helper.misplacedDeclaration?.value).toEqual([]);
    expect(ruleFindings(helper)).toEqual([]);
  });
});
