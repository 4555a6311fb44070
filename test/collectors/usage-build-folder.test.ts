import { rm } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { analyzeProject } from "../../src/collectors/usage/collect-usage.js";
import { usageLimits } from "../../src/collectors/usage/limits.js";
import { readProjectFiles } from "../../src/collectors/usage/read-project-files.js";
import { writeFileTree } from "./helpers/file-tree.js";

const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});
async function tree(files: Record<string, string>): Promise<string> {
  const dir = await writeFileTree("jenga-build-folder-", files);
  made.push(dir);
  return dir;
}

/** A Vite app whose bundler config imports its plugin list from a `build/` source folder. */
const app = {
  "package.json": JSON.stringify({
    name: "app",
    private: true,
    scripts: { build: "vite build" },
    devDependencies: { vite: "5", "plugin-a": "1", "plugin-b": "1" },
  }),
  "index.html": '<script type="module" src="/src/main.ts"></script>\n',
  "src/main.ts": "export {};\n",
  "vite.config.ts":
    'import { defineConfig } from "vite";\nimport { plugins } from "./build/plugins";\nexport default defineConfig({ plugins: plugins() });\n',
  "build/plugins.ts":
    'import a from "plugin-a";\nimport b from "plugin-b";\nexport const plugins = () => [a(), b()];\n',
  "out/bundle.js": 'import "plugin-a";\n',
  "dist/assets/index.js": 'import "plugin-a";\n',
};

describe("build/ and out/ folders", () => {
  it("reads them as source when a .gitignore exists and does not ignore them", async () => {
    const dir = await tree({ ...app, ".gitignore": "node_modules\ndist\n" });
    const { files } = await readProjectFiles(dir, usageLimits);
    const paths = files.map((f) => f.path);
    expect(paths).toContain("build/plugins.ts");
    expect(paths).toContain("out/bundle.js");
    expect(paths).not.toContain("dist/assets/index.js");
    const analysis = await analyzeProject(dir, usageLimits);
    expect(analysis?.packages.get("plugin-b")?.class).not.toBe("unused");
    expect(analysis?.packages.get("plugin-b")?.sites[0]).toMatchObject({
      file: "build/plugins.ts",
      line: 2,
    });
  });

  it("skips the ones a .gitignore ignores, the root's or the folder's parent's", async () => {
    const dir = await tree({
      ...app,
      ".gitignore": "/out/\n",
      "packages/x/.gitignore": "build\n",
      "packages/x/build/index.js": "",
      "packages/x/src/index.ts": "",
    });
    const paths = (await readProjectFiles(dir, usageLimits)).files.map((f) => f.path);
    expect(paths).toContain("build/plugins.ts");
    expect(paths).toContain("packages/x/src/index.ts");
    expect(paths).not.toContain("out/bundle.js");
    expect(paths).not.toContain("packages/x/build/index.js");
  });

  it("skips them by name when there is no .gitignore to say which is which", async () => {
    const dir = await tree(app);
    const paths = (await readProjectFiles(dir, usageLimits)).files.map((f) => f.path);
    expect(paths).not.toContain("build/plugins.ts");
    expect(paths).not.toContain("out/bundle.js");
  });

  it("classes what only the bundler config reaches as config, in an app whose package.json names no entry", async () => {
    // Every source file is an entry when none is named, but not one only a config imports:
    // build/plugins.ts is the config's code, and its plugins are config-only, not runtime.
    const dir = await tree({ ...app, ".gitignore": "node_modules\ndist\n" });
    const analysis = await analyzeProject(dir, usageLimits);
    expect(analysis?.packages.get("plugin-b")?.class).toBe("config-only");
    // plugin-a is also imported by out/bundle.js, a source file of its own.
    expect(analysis?.packages.get("plugin-a")?.class).toBe("runtime");
  });
});
