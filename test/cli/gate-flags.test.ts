import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useSmallApp } from "./small-app.js";

const { state, run } = useSmallApp();

describe("jenga gate's flags", () => {
  it("override the config's gate policy, and the JSON result records the gate used", async () => {
    const loose = await run([
      "gate",
      "--quiet",
      "--fail-on",
      "adopt",
      "--allow-missing",
      "advisories,git",
      "--json",
      "result.json",
    ]);
    // left-pad is sunset, which this gate does not fail on.
    expect(loose.code).toBe(0);
    const strict = await run([
      "gate",
      "--quiet",
      "--fail-on",
      "sunset,unknown",
      "--fail-on-severity",
      "off",
    ]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain("verdict unknown is in gate.failOn");
    const { readFile } = await import("node:fs/promises");
    const recorded = JSON.parse(
      await readFile(path.join(state.project.dir, "result.json"), "utf8"),
    );
    expect(recorded.config.gate).toMatchObject({
      failOn: ["adopt"],
      allowMissing: ["advisories", "git"],
    });
  });

  it("write no HTML report unless --out asks for one", async () => {
    await run(["gate", "--quiet", "--allow-missing", "advisories"]);
    expect(existsSync(path.join(state.project.dir, "reports", "index.html"))).toBe(false);
    await run(["gate", "--quiet", "--allow-missing", "advisories", "--out", "gate-report"]);
    expect(existsSync(path.join(state.project.dir, "gate-report", "index.html"))).toBe(true);
  });

  it("refuse a bad value with exit 2 and one line", async () => {
    const bad = await run(["gate", "--fail-on", "sunset,doom"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^jenga: --fail-on: not a verdict: doom\n/);
    const severity = await run(["gate", "--fail-on-severity", "spicy"]);
    expect(severity.code).toBe(2);
    expect(severity.stderr).toMatch(/^jenga: --fail-on-severity: not a severity: spicy\n/);
  });
});

describe("documents on stdout", () => {
  it("are one at most, and gate's table moves to stderr when stdout carries one", async () => {
    const two = await run(["analyze", "--json", "-", "--markdown", "-"]);
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(
      /^jenga: only one output can go to stdout, not --json - and --markdown -\n/,
    );
    const gate = await run(["gate", "--quiet", "--allow-missing", "advisories", "--json", "-"]);
    expect(gate.code).toBe(1);
    expect(JSON.parse(gate.stdout).schemaVersion).toBe(1);
    expect(gate.stderr).toMatch(/^jenga gate: 1 package failed\n/);
  });
});
