import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runJenga } from "../helpers/cli.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "jenga-cli-errors-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));
const run = (args: string[]) => runJenga(args, { cwd: dir, home: dir });

describe("CLI usage and errors", () => {
  it("prints help and version with exit 0", async () => {
    const help = await run(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("analyze [options] [path...]");
    expect(help.stdout).toContain("jenga check left-pad@1.3.0");
    expect(help.stdout).toMatch(
      /Exit codes:\n {2}0 {2}done.*\n {2}1 {2}gate: the policy failed.*\n {2}2 {2}bad usage/,
    );
    const version = await run(["--version"]);
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it("rejects an unknown flag or a bad value with exit 2", async () => {
    const unknown = await run(["analyze", "--frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown option '--frobnicate'");
    const bad = await run(["analyze", "--concurrency", "zero"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("must be a whole number from 1 to 256");
    const both = await run(["analyze", "--offline", "--refresh"]);
    expect(both).toMatchObject({
      code: 2,
      stderr: "jenga: --offline and --refresh cannot be used together\n",
    });
  });

  it("names a missing path in one line, exit 2", async () => {
    const missing = path.join(dir, "nowhere");
    const result = await run(["analyze", missing]);
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toMatch(new RegExp(`^jenga: ${missing}: `));
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace for bad input
  });

  it("names the file and line of a corrupt lockfile, writes nothing, exit 2", async () => {
    const project = path.join(dir, "corrupt");
    await mkdir(project);
    await writeFile(
      path.join(project, "package.json"),
      '{ "name": "x", "dependencies": { "a": "1" } }',
    );
    await writeFile(
      path.join(project, "package-lock.json"),
      '{\n  "name": "x",\n  "lockfileVersion": 3,\n  "packages": {\n    "": {,\n',
    );
    const result = await runJenga(["analyze"], { cwd: project, home: dir });
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toMatch(
      new RegExp(`^jenga: ${path.join(project, "package-lock.json")}:5: `),
    );
    expect(await readdir(project)).toEqual(["package-lock.json", "package.json"]);
  });

  it("lists every config problem at once, exit 2", async () => {
    const project = path.join(dir, "badconfig");
    await mkdir(project);
    await writeFile(path.join(project, "package.json"), '{ "name": "x" }');
    await writeFile(
      path.join(project, "jenga.config.json"),
      '{ "gate": { "failOn": ["nope"] }, "extra": 1 }',
    );
    const result = await runJenga(["analyze", "--offline"], { cwd: project, home: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/invalid config \(2 problems\)\n {2}- /);
  });
});
