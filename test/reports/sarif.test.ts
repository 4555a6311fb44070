import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { renderSarif } from "../../src/reports/sarif.js";
import { writers } from "../../src/reports/writers.js";
import { verdicts } from "../../src/scoring/verdicts.js";
import { fixtures } from "../helpers/cli.js";
import { jengaResult, packageResult } from "../helpers/result.js";

const schema = JSON.parse(
  readFileSync(path.join(fixtures, "reports", "sarif-2.1.0-rtm.5.json"), "utf8"),
);
// The published schema has a language pattern (`…-[a-zA-Z]{2}]?$`) that is invalid with the `u` flag.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function expectValidSarif(text: string) {
  const log = JSON.parse(text);
  const valid = validate(log);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
  return log;
}

const reason = (text: string, action: "sunset" | "adopt" | "fix" | "rewrite" | null = null) => ({
  signal: "s",
  code: "c",
  text,
  action,
  points: action ? 10 : 0,
});

const result = jengaResult(
  [
    packageResult({ name: "healthy" }),
    packageResult({
      name: "left-pad",
      verdict: "sunset",
      health: 20,
      reasons: [reason("deprecated by its publisher", "sunset"), reason("tiny", "rewrite")],
    }),
    packageResult({
      name: "ms",
      direct: false,
      via: ["debug"],
      verdict: "adopt",
      reasons: [reason("one maintainer", "adopt")],
    }),
    packageResult({ name: "tiny\u001b[31m", verdict: "rewrite", reasons: [reason("4 KB\u0007")] }),
    packageResult({
      name: "waived",
      verdict: "fix",
      waiver: { reason: "upgrading in Q3", until: "2099-01-01", expired: false },
    }),
  ],
  { config: { file: null, gate: { failOn: ["sunset", "rewrite"], minHealth: 0 } } },
);
const locations = new Map([
  ["left-pad", { file: "package.json", line: 7 }],
  ["ms", { file: "sub dir/package-lock.json", line: 42 }],
]);

describe("SARIF writer", () => {
  it("writes a valid SARIF 2.1.0 log: one rule per action, one result per non-keep package", () => {
    const log = expectValidSarif(writers.sarif(result, locations)["jenga.sarif"] ?? "");
    expect(log.version).toBe("2.1.0");
    const [run] = log.runs;
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual([
      "jenga/sunset",
      "jenga/adopt",
      "jenga/rewrite",
      "jenga/fix",
      "jenga/unknown",
    ]);
    expect(run.tool.driver.rules[0].help.text).toBe(verdicts.sunset.remediation);
    expect(run.results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level])).toEqual([
      ["jenga/sunset", "error"],
      ["jenga/adopt", "warning"],
      // rewrite is a note by default, but this result's gate fails on it.
      ["jenga/rewrite", "error"],
      ["jenga/fix", "warning"],
    ]);
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
  });

  it("reports an unknown package as a note, never an error, naming what is missing", () => {
    const unknown = jengaResult([
      packageResult({
        name: "mystery",
        verdict: "unknown",
        health: null,
        reasons: [reason("not enough evidence to decide: no git history (unavailable: offline)")],
      }),
    ]);
    const [run] = expectValidSarif(renderSarif(unknown, new Map())).runs;
    expect(run.results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level])).toEqual([
      ["jenga/unknown", "note"],
    ]);
    expect(run.results[0].message.text).toBe(
      "unknown mystery@1.0.0: not enough evidence to decide: no git history (unavailable: offline)",
    );
  });

  it("says verdict and top reasons, located at the declaring line relative to %SRCROOT%", () => {
    const [run] = expectValidSarif(renderSarif(result, locations)).runs;
    const [leftPad, ms] = run.results;
    expect(leftPad.message.text).toBe("sunset left-pad@1.0.0: deprecated by its publisher; tiny");
    expect(leftPad.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: "package.json", uriBaseId: "%SRCROOT%" },
          region: { startLine: 7 },
        },
      },
    ]);
    expect(ms.message.text).toBe("adopt ms@1.0.0 (via debug): one maintainer");
    expect(ms.locations[0].physicalLocation.artifactLocation.uri).toBe(
      "sub%20dir/package-lock.json",
    );
    expect(leftPad.partialFingerprints).toEqual({ "jengaPackage/v1": "left-pad" });
  });

  it("suppresses a live waiver and strips control characters from package data", () => {
    const text = renderSarif(result, new Map());
    const [run] = expectValidSarif(text).runs;
    const waived = run.results.find(
      (r: { properties: { package: string } }) => r.properties.package === "waived",
    );
    expect(waived.suppressions).toEqual([
      { kind: "external", justification: "upgrading in Q3 (waived until 2099-01-01)" },
    ]);
    expect(text).not.toMatch(/\\u001b|\\u0007/);
    expect(run.results[2].message.text).toBe("rewrite tiny?[31m@1.0.0: 4 KB?");
  });

  it("is a valid log with no results when everything is keep", () => {
    const log = expectValidSarif(renderSarif(jengaResult([packageResult()]), new Map()));
    expect(log.runs[0].results).toEqual([]);
    // The validator does reject what the schema forbids.
    expect(validate({ version: "2.1.0", runs: [{ tool: { driver: {} } }] })).toBe(false);
  });
});
