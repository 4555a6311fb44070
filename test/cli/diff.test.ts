import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffResults } from "../../src/diff/diff-results.js";
import { runJenga } from "../helpers/cli.js";
import { jengaResult, packageResult } from "../helpers/result.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "jenga-diff-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));
const run = (args: string[]) => runJenga(args, { cwd: dir, home: dir });

const before = jengaResult([
  packageResult({ name: "stays", verdict: "keep", health: 90 }),
  packageResult({ name: "worse", verdict: "keep", health: 80 }),
  packageResult({ name: "gone", verdict: "sunset", health: 10 }),
  packageResult({ name: "blind", verdict: "keep", health: 70 }),
]);
const after = jengaResult([
  packageResult({ name: "stays", verdict: "keep", health: 85 }),
  packageResult({
    name: "worse",
    verdict: "adopt",
    health: 40,
    reasons: [
      {
        signal: "s",
        code: "abandoned",
        text: "no commit for 30 months",
        action: "adopt",
        points: 40,
      },
    ],
  }),
  packageResult({ name: "blind", verdict: "unknown", health: null, reasons: [] }),
  packageResult({ name: "fresh|@evil", verdict: "rewrite", health: 60 }),
]);

describe("jenga diff", () => {
  it("finds new and removed packages, verdict changes, and health moves of ten points or more", () => {
    expect(diffResults(before, after)).toEqual({
      added: [{ name: "fresh|@evil", verdict: "rewrite", health: 60 }],
      removed: [{ name: "gone", verdict: "sunset" }],
      verdictChanged: [
        { name: "worse", from: "keep", to: "adopt", reason: "no commit for 30 months" },
        { name: "blind", from: "keep", to: "unknown", reason: "" },
      ],
      healthMoved: [
        { name: "worse", from: 80, to: 40 },
        { name: "blind", from: 70, to: null },
      ],
    });
  });

  it("prints text, and writes JSON and Markdown, from two result files", async () => {
    await writeFile(path.join(dir, "old.json"), JSON.stringify(before));
    await writeFile(path.join(dir, "new.json"), JSON.stringify(after));
    const text = await run(["diff", "old.json", "new.json"]);
    expect(text.stderr).toBe("");
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(
      [
        "verdict changed (2):",
        "  worse: keep → adopt — no commit for 30 months",
        "  blind: keep → unknown",
        "new (1):",
        "  fresh|@evil: rewrite, health 60",
        "removed (1):",
        "  gone (was sunset)",
        "health moved (2):",
        "  worse: 80 → 40",
        "  blind: 70 → unknown",
        "",
      ].join("\n"),
    );
    const json = await run(["diff", "old.json", "new.json", "--json", "-"]);
    expect(JSON.parse(json.stdout).removed).toEqual([{ name: "gone", verdict: "sunset" }]);
    const md = await run(["diff", "old.json", "new.json", "--markdown", "-"]);
    expect(md.stdout).toContain("| worse | keep | adopt | no commit for 30 months |");
    expect(md.stdout).toContain("New: fresh\\|\\@evil (rewrite)");
    await writeFile(path.join(dir, "package.json"), "{}");
    const bad = await run(["diff", "old.json", "package.json"]);
    expect(bad.code).toBe(2);
  });
});
