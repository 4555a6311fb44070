import { mkdir, mkdtemp, rm, truncate, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { usageLimits } from "../../src/collectors/usage/limits.js";
import { readInstalledPackage } from "../../src/collectors/usage/read-installed-package.js";
import { REPO_ROOT, transpileTree } from "../collectors/helpers/transpile.js";
import { runNodeChild } from "../helpers/node-child.js";

// Issue 15 item 13, last part: an installed file of 450 MB was read whole before the
// per-package byte cap was checked. Now its size is looked at first. The file here is
// sparse (it takes no disk), and a child process of its own measures the memory: Node
// keeps a large file's text outside the JS heap, so its peak RSS is what shows a read.
const FILE_BYTES = 300 * 1024 * 1024;
const MAX_RSS_MB = 150;

const scratch: string[] = [];
afterAll(() => Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true }))));

async function packageWithHugeFile(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "jenga-installed-"));
  scratch.push(dir);
  await writeFile(path.join(dir, "package.json"), '{"name":"huge","version":"1.0.0"}');
  await writeFile(path.join(dir, "a.js"), "export const a = 1;\n");
  await mkdir(path.join(dir, "dist"));
  await writeFile(path.join(dir, "dist/bundle.js"), "");
  await truncate(path.join(dir, "dist/bundle.js"), FILE_BYTES);
  return dir;
}

describe("an installed file larger than the package's byte cap", () => {
  it("is not read: the files before it are, with a caveat", async () => {
    const dir = await packageWithHugeFile();
    const pkg = await readInstalledPackage(dir, usageLimits);
    expect([...(pkg?.files.keys() ?? [])]).toEqual(["a.js"]);
    expect(pkg?.caveats).toEqual([
      `stopped at ${usageLimits.maxPackageBytes} bytes: the totals are a lower bound`,
    ]);
  });

  it(`costs no memory: the package is read in under ${MAX_RSS_MB} MB`, async () => {
    const dir = await packageWithHugeFile();
    const out = path.join(REPO_ROOT, "test", "hostile", ".tmp", `installed-${process.pid}`);
    await mkdir(out, { recursive: true });
    scratch.push(out);
    await transpileTree("src/collectors/usage/read-installed-package.ts", out);
    await transpileTree("src/collectors/usage/limits.ts", out);
    await writeFile(
      path.join(out, "child.mjs"),
      `import { readInstalledPackage } from "./src/collectors/usage/read-installed-package.js";
import { usageLimits } from "./src/collectors/usage/limits.js";
const pkg = await readInstalledPackage(process.argv[2], usageLimits);
console.log(JSON.stringify({ files: [...pkg.files.keys()], caveats: pkg.caveats.length, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
`,
    );
    const child = await runNodeChild(path.join(out, "child.mjs"), [dir]);
    expect(child.stderr).toBe("");
    const report = JSON.parse(child.stdout);
    expect(report).toMatchObject({ files: ["a.js"], caveats: 1 });
    expect(report.maxRssMb).toBeLessThan(MAX_RSS_MB);
  }, 60_000);
});
