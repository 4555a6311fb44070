import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

describe("the README's main command", () => {
  it("runs as `npx jenga` from the clone: the built bin is executable", () => {
    const run = spawnSync("npx", ["--no-install", "jenga", "--version"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(run.stderr).not.toContain("Permission denied");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    // npx resolves the bin through npm itself, which alone can take many seconds on a busy machine.
  }, 120_000);
});
