import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readInventory } from "../../src/inventory/read-inventory.js";
import { REPO_ROOT, transpileTree } from "../collectors/helpers/transpile.js";
import { runJenga } from "../helpers/cli.js";
import { runNodeChild } from "../helpers/node-child.js";
import {
  type Wide,
  wideCycloneDx,
  wideNpmLock,
  widePackageJson,
  widePnpmLock,
  wideSpdx,
  wideYarnClassicLock,
} from "./wide-inputs.js";

// Issue 15 item 4: a lockfile or SBOM where one package has 150,000 dependencies
// aborted the run. Two causes: the sets of direct dependencies each package is reached
// through were bitsets of every direct dependency per package (150,000 direct ones:
// 2.8 GB), and yarn classic's grammar spreads a level's entries into one call's
// arguments (past about 120,000 entries: "Maximum call stack size exceeded").

const scratch: string[] = [];
afterAll(() => Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true }))));

async function project(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "jenga-wide-"));
  scratch.push(dir);
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

const formats: [string, string, (width: number, wide: Wide) => string][] = [
  ["npm lockfile v3", "package-lock.json", wideNpmLock],
  ["pnpm lockfile v9", "pnpm-lock.yaml", widePnpmLock],
  ["yarn classic lockfile", "yarn.lock", wideYarnClassicLock],
  ["CycloneDX JSON", "bom.json", wideCycloneDx],
  ["SPDX JSON", "sbom.spdx.json", wideSpdx],
];

/** Wide enough to show a quadratic pass or a spread, small enough for a test. */
const WIDTH = 10_000;

describe.each(formats)("%s, one package with 10,000 dependencies", (_format, file, write) => {
  it.each(["hub", "root"] as const)("reads it (the wide one: %s)", async (wide) => {
    const dir = await project({
      [file]: write(WIDTH, wide),
      "package.json": widePackageJson(WIDTH, wide),
    });
    const inventory = await readInventory([file.includes("bom") ? path.join(dir, file) : dir], {
      cwd: dir,
    });
    expect(inventory.packages).toHaveLength(WIDTH + 1);
    const last = inventory.packages.find((p) => p.name === `dep-${WIDTH - 1}`);
    const hub = inventory.packages.find((p) => p.name === "hub");
    if (wide === "hub") {
      expect(hub?.dependencies).toHaveLength(WIDTH);
      expect(last).toMatchObject({ direct: false, via: ["hub"], dependents: 1 });
    } else {
      expect(last).toMatchObject({ direct: true, via: [`dep-${WIDTH - 1}`] });
    }
  });
});

describe("yarn classic past the grammar's stack", () => {
  it("reads 130,000 entries", async () => {
    const dir = await project({ "yarn.lock": wideYarnClassicLock(130_000, "root") });
    const inventory = await readInventory([dir], { cwd: dir });
    expect(inventory.packages).toHaveLength(130_001);
  });

  it("an entry with 130,000 dependencies is one line naming the file, exit 2", async () => {
    const dir = await project({
      "yarn.lock": wideYarnClassicLock(130_000, "hub"),
      "package.json": widePackageJson(130_000, "hub"),
    });
    const run = await runJenga(["analyze", "--quiet", "--offline", "--json", "-"], {
      cwd: dir,
      home: dir,
    });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")[0]).toMatch(
      /yarn\.lock: invalid yarn\.lock: an entry too wide to read/,
    );
    expect(run.stderr).not.toMatch(/internal error|RangeError/);
  });
});

// The memory a root with 60,000 direct dependencies costs, measured in a child process
// of its own: bitsets would take 60,000² / 8 bytes = 450 MB on their own.
const CHILD = `
import { readInventory } from "./src/inventory/read-inventory.js";
const inventory = await readInventory([process.argv[2]], { cwd: process.argv[2] });
console.log(JSON.stringify({ packages: inventory.packages.length, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
`;
const ROOT_WIDTH = 60_000;
const MAX_RSS_MB = 400;

describe("a root with 60,000 direct dependencies", () => {
  it(`is read in under ${MAX_RSS_MB} MB`, async () => {
    const dir = await project({
      "package-lock.json": wideNpmLock(ROOT_WIDTH, "root"),
      "package.json": widePackageJson(ROOT_WIDTH, "root"),
    });
    const out = path.join(REPO_ROOT, "test", "hostile", ".tmp", `wide-${process.pid}`);
    await mkdir(out, { recursive: true });
    scratch.push(out);
    await transpileTree("src/inventory/read-inventory.ts", out);
    await writeFile(path.join(out, "child.mjs"), CHILD);
    const { stdout, stderr } = await runNodeChild(path.join(out, "child.mjs"), [dir]);
    expect(stderr).toBe("");
    const report = JSON.parse(stdout);
    expect(report.packages).toBe(ROOT_WIDTH + 1);
    expect(report.maxRssMb).toBeLessThan(MAX_RSS_MB);
  }, 120_000);
});
