import { rm } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { analyzeProject } from "../../src/collectors/usage/collect-usage.js";
import { usageLimits } from "../../src/collectors/usage/limits.js";
import { readManifests } from "../../src/collectors/usage/read-manifests.js";
import { readProjectFiles } from "../../src/collectors/usage/read-project-files.js";
import { writeFileTree } from "./helpers/file-tree.js";

const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});
async function tree(files: Record<string, string>): Promise<string> {
  const dir = await writeFileTree("jenga-discovery-", files);
  made.push(dir);
  return dir;
}
const pkg = (name: string) => JSON.stringify({ name, version: "1.0.0" });

describe("gitignore with git's semantics", () => {
  it("skips the root's /lib/ but reads src/lib, and honours globs and negations", async () => {
    const dir = await tree({
      ".gitignore": "/lib/\n*.generated.ts\n!keep.generated.ts\n",
      "package.json": pkg("app"),
      "lib/built.js": "",
      "src/lib/util.ts": "",
      "src/api.generated.ts": "",
      "src/keep.generated.ts": "",
    });
    const { files } = await readProjectFiles(dir, usageLimits);
    expect(files.map((f) => f.path).sort()).toEqual(["src/keep.generated.ts", "src/lib/util.ts"]);
  });
});

describe("workspace globs", () => {
  it("finds workspaces named by braces, ? and [ab], and leaves out ! exclusions", async () => {
    const dir = await tree({
      "package.json": JSON.stringify({
        name: "root",
        private: true,
        workspaces: ["packages/{core,cli}", "apps/app?", "tools/[ab]*", "libs/*", "!libs/skip"],
      }),
      "packages/core/package.json": pkg("core"),
      "packages/cli/package.json": pkg("cli"),
      "packages/other/package.json": pkg("other"),
      "apps/app1/package.json": pkg("app1"),
      "apps/app10/package.json": pkg("app10"),
      "tools/alpha/package.json": pkg("alpha"),
      "tools/beta/package.json": pkg("beta"),
      "tools/gamma/package.json": pkg("gamma"),
      "libs/one/package.json": pkg("one"),
      "libs/skip/package.json": pkg("skip"),
      "libs/node_modules/x/package.json": pkg("x"),
    });
    const dirs = (await readManifests(dir)).map((m) => m.dir);
    expect(dirs).toEqual([
      "",
      "apps/app1",
      "libs/one",
      "packages/cli",
      "packages/core",
      "tools/alpha",
      "tools/beta",
    ]);
  });
});

describe("the config's usage.entry", () => {
  it("makes a file no package.json names a production entry, by glob", async () => {
    const dir = await tree({
      "package.json": JSON.stringify({
        name: "app",
        main: "src/index.js",
        dependencies: { queue: "1" },
      }),
      "src/index.js": "",
      "src/workers/mail.js": 'import { run } from "queue";\nrun();\n',
    });
    const without = await analyzeProject(dir, usageLimits);
    expect(without?.packages.get("queue")?.class).toBe("dead-code-only");
    const withEntry = await analyzeProject(dir, usageLimits, {}, ["src/workers/*.js"]);
    expect(withEntry?.packages.get("queue")?.class).toBe("runtime");
    expect(withEntry?.deadFiles).toEqual([]);
  });
});
