import { describe, expect, it } from "vitest";
import { sourceGaps } from "../../src/reports/source-gaps.js";
import { writers } from "../../src/reports/writers.js";
import { jengaResult, packageResult } from "../helpers/result.js";

const result = jengaResult(
  [packageResult({ name: "a" }), packageResult({ name: "b" }), packageResult({ name: "c" })],
  {
    sources: {
      registry: { ok: 3, missing: {} },
      git: {
        ok: 0,
        missing: { "unavailable: ENOTFOUND": 2, "skipped: no usable repository URL": 1 },
      },
      advisories: {
        ok: 1,
        missing: { "unavailable: ECONNREFUSED": 1, "offline: not in cache": 1 },
      },
      issues: { ok: 0, missing: { a: 1, b: 1, c: 1 } },
      usage: { ok: 3, missing: {} },
    },
  },
);

describe("source gaps", () => {
  it("are one line per source that did not answer for every package, reasons grouped and counted", () => {
    expect(sourceGaps(result)).toEqual([
      "git: 0 of 3 packages; unavailable: ENOTFOUND (2), skipped: no usable repository URL (1)",
      "advisories: 1 of 3 packages; unavailable: ECONNREFUSED (1), offline: not in cache (1)",
      "issues: 0 of 3 packages; a (1), b (1), 1 for other reasons",
    ]);
  });

  it("come first in the Markdown summary and in the SARIF run, never per result", () => {
    const md = writers.markdown(result)["jenga.md"] as string;
    expect(md.split("\n").slice(0, 6).join("\n")).toContain(
      "> **not every source answered**: git: 0 of 3 packages; unavailable: ENOTFOUND (2), skipped: no usable repository URL (1)",
    );
    const sarif = JSON.parse(writers.sarif(result)["jenga.sarif"] as string);
    expect(sarif.runs[0].properties.sourceGaps).toHaveLength(3);
    for (const r of sarif.runs[0].results) expect(JSON.stringify(r)).not.toContain("ENOTFOUND");
  });
});
