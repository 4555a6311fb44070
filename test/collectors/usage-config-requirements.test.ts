import { rm } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { analyzeProject } from "../../src/collectors/usage/collect-usage.js";
import { usageLimits } from "../../src/collectors/usage/limits.js";
import { writeFileTree } from "./helpers/file-tree.js";

const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

const json = (value: unknown) => JSON.stringify(value);

/**
 * A lint config extends a shared config's subpath, which extends another shared
 * config by name without declaring it: the project installs that one for it.
 */
async function project(extra: Record<string, string> = {}): Promise<string> {
  const dir = await writeFileTree("jenga-config-requirements-", {
    "package.json": json({
      name: "app",
      main: "src/main.ts",
      devDependencies: {
        linter: "1",
        "linter-config-shared": "1",
        "linter-config-needed": "1",
        "linter-config-bundled": "1",
        "linter-plugin-idle": "1",
        vue: "3",
      },
    }),
    "src/main.ts": "export {};\n",
    ".linterrc.json": json({ extends: ["linter-config-shared/scss"] }),
    "node_modules/linter-config-shared/package.json": json({
      name: "linter-config-shared",
      version: "1.0.0",
      dependencies: { "linter-config-bundled": "1" },
    }),
    "node_modules/linter-config-shared/index.js":
      'module.exports = { extends: ["linter-config-bundled"] };\n',
    "node_modules/linter-config-shared/scss/index.js":
      'module.exports = {\n  extends: ["linter-config-needed", "linter-config-bundled"],\n  rules: { "vue/html-indent": 2 },\n};\n',
    "node_modules/linter-config-needed/package.json": json({
      name: "linter-config-needed",
      version: "1.0.0",
    }),
    "node_modules/linter-config-bundled/package.json": json({
      name: "linter-config-bundled",
      version: "1.0.0",
    }),
    "node_modules/linter-plugin-idle/package.json": json({
      name: "linter-plugin-idle",
      version: "1.0.0",
    }),
    "node_modules/vue/package.json": json({ name: "vue", version: "3.0.0" }),
    ...extra,
  });
  made.push(dir);
  return dir;
}

describe("what a shared config loads without declaring it", () => {
  it("makes the project's declaration of it used through the config", async () => {
    const analysis = await analyzeProject(await project(), usageLimits);
    const usage = (name: string) => analysis?.packages.get(name);
    expect(usage("linter-config-shared")?.class).toBe("config-only");
    expect(usage("linter-config-needed")).toMatchObject({
      class: "config-only",
      loadedBy: ["linter-config-shared"],
    });
  });

  it("leaves unused what the config depends on itself, rule ids, and what nothing names", async () => {
    const analysis = await analyzeProject(await project(), usageLimits);
    const usage = (name: string) => analysis?.packages.get(name);
    expect(usage("linter-config-bundled")?.class).toBe("unused");
    expect(usage("vue")?.class).toBe("unused");
    expect(usage("linter-plugin-idle")?.class).toBe("unused");
  });

  it("reads no package too large to be a config", async () => {
    const big = `module.exports = ${json("x".repeat(300 * 1024))};\n`;
    const dir = await project({ "node_modules/linter-config-shared/big.js": big });
    const analysis = await analyzeProject(dir, usageLimits);
    expect(analysis?.packages.get("linter-config-needed")?.class).toBe("unused");
  });
});
