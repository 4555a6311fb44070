import { describe, expect, it } from "vitest";
import { writers } from "../../src/reports/writers.js";
import { jengaResult, packageResult } from "../helpers/result.js";

/** GitHub's limit for a pull-request comment body. */
const commentLimit = 65_536;

describe("Markdown summary", () => {
  it("fits a pull-request comment however many packages and however long their text", () => {
    const hostile = "|*_<b>".repeat(2_000);
    const packages = Array.from({ length: 200 }, (_, i) =>
      packageResult({
        name: `${"x".repeat(200)}-${i}`,
        verdict: "sunset",
        health: i % 100,
        direct: false,
        via: Array.from({ length: 40 }, (_, j) => `${"v".repeat(100)}${j}`),
        reasons: [{ signal: "s", code: "c", text: hostile, action: "sunset", points: 80 }],
      }),
    );
    const md = writers.markdown(jengaResult(packages))["jenga.md"] ?? "";
    expect(md.length).toBeLessThan(commentLimit);
    expect(md.split("\n").filter((l) => l.startsWith("| x"))).toHaveLength(30);
    expect(md).toContain("…and 170 more in the full report.");
    expect(md).not.toContain("<b>");
  });
});
