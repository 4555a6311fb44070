import { rm } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { analyzeProjectSources } from "../../src/collectors/usage/collect-usage.js";
import { usageLimits } from "../../src/collectors/usage/limits.js";
import { writeFileTree } from "./helpers/file-tree.js";

const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

/**
 * Dot folders are skipped (caches, editor state), but a script may run code kept in one:
 * a project's setup wizard in `.install-scripts/`, run by `ts-node`. Its imports are uses.
 */
describe("code in a dot folder a script runs", () => {
  it("reads the folder the script names, and still skips dot folders nothing names", async () => {
    const dir = await writeFileTree("jenga-dot-folder-", {
      "package.json": JSON.stringify({
        name: "app",
        main: "src/main.ts",
        scripts: {
          "app:config": "ts-node -r tsconfig-paths/register ./.install-scripts/index.ts",
          "tools:sync": "node tools/.bin-scripts/sync.mjs",
        },
        dependencies: { "wizard-prompts": "1" },
        devDependencies: { "step-helper": "1", "sync-lib": "1", "cache-only": "1" },
      }),
      "src/main.ts": "export const main = 1;\n",
      ".install-scripts/index.ts":
        'import prompts from "wizard-prompts";\nimport { step } from "./steps/first";\nprompts(step);\n',
      ".install-scripts/steps/first.ts": 'export { step } from "step-helper";\n',
      "tools/.bin-scripts/sync.mjs": 'import "sync-lib";\n',
      ".cache/stale.js": 'require("cache-only");\n',
    });
    made.push(dir);
    const analysis = await analyzeProjectSources(dir, usageLimits);
    const usage = (name: string) => analysis?.packages.get(name);
    expect(usage("wizard-prompts")).toMatchObject({
      sites: [{ file: ".install-scripts/index.ts", line: 1, reachable: true }],
    });
    expect(usage("wizard-prompts")?.class).not.toBe("unused");
    expect(usage("step-helper")?.sites[0]).toMatchObject({
      file: ".install-scripts/steps/first.ts",
      reachable: true,
    });
    expect(usage("sync-lib")?.sites[0]).toMatchObject({ file: "tools/.bin-scripts/sync.mjs" });
    expect(usage("cache-only")?.class).toBe("unused");
  });
});
