import { describe, expect, it } from "vitest";
import { analyzeUsage, type SourceFile } from "../../src/collectors/usage/analyze-usage.js";
import type { UsageEvidence } from "../../src/collectors/usage/types.js";

/**
 * Server frameworks' CLIs and release tools load packages from configs whose
 * names follow no `*.config.*` pattern: the Nest CLI's `nest-cli.json` and
 * release-it's `release-it` key or `.release-it.json`.
 */
function analyze(files: SourceFile[], data: Record<string, unknown>) {
  const analysis = analyzeUsage({
    files: [{ path: "src/main.ts", text: "export const app = 1;\n" }, ...files],
    manifests: [{ dir: "", data: { main: "src/main.ts", ...data } }],
  });
  return (name: string): UsageEvidence => {
    const found = analysis.packages.get(name);
    if (!found) throw new Error(`no usage for ${name}`);
    return found;
  };
}

const dev = (names: string[]) => Object.fromEntries(names.map((n) => [n, "1"]));

describe("the Nest CLI's config", () => {
  const usage = analyze(
    [
      {
        path: "nest-cli.json",
        text: '{\n  "collection": "@nestjs/schematics",\n  "sourceRoot": "src",\n  "compilerOptions": {\n    "builder": "swc",\n    "plugins": ["@nestjs/swagger"]\n  }\n}\n',
      },
    ],
    {
      devDependencies: dev([
        "@nestjs/cli",
        "@nestjs/schematics",
        "@nestjs/swagger",
        "@swc/cli",
        "@swc/core",
        "unrelated-tool",
      ]),
    },
  );

  it("takes its schematics collection and compiler plugins, with file and line", () => {
    expect(usage("@nestjs/schematics")).toMatchObject({
      class: "config-only",
      configMentions: ["nest-cli.json:2: @nestjs/schematics"],
    });
    expect(usage("@nestjs/swagger").configMentions).toEqual(["nest-cli.json:6: @nestjs/swagger"]);
  });

  it("implies the CLI, and SWC's packages for the swc builder", () => {
    expect(usage("@nestjs/cli").configMentions).toEqual([
      "nest-cli.json:1: implied by nest-cli.json",
    ]);
    expect(usage("@swc/core").configMentions).toEqual(["nest-cli.json:5: nest builder swc"]);
    expect(usage("@swc/cli").class).toBe("config-only");
  });

  it("leaves a package it does not name unused", () => {
    expect(usage("unrelated-tool").class).toBe("unused");
  });
});

describe("the Nest CLI's entry files", () => {
  const app = (main: Record<string, unknown>) =>
    analyzeUsage({
      files: [
        { path: "nest-cli.json", text: JSON.stringify(main) },
        { path: "src/main.ts", text: 'import { App } from "./app.module";\nnew App();\n' },
        {
          path: "src/app.module.ts",
          text: 'import { Module } from "@nestjs/common";\nexport class App {}\n',
        },
        {
          path: "apps/worker/src/start.ts",
          text: 'import { Queue } from "queue-lib";\nnew Queue();\n',
        },
        { path: "src/seeds/run.ts", text: 'import "seed-lib";\n' },
        { path: "src/orphan.ts", text: 'import "orphan-lib";\n' },
      ],
      manifests: [
        {
          dir: "",
          data: {
            // A script names a runtime file, so entries are known and unreached files are dead.
            scripts: { start: "nest start", "seed:run": "ts-node ./src/seeds/run.ts" },
            dependencies: dev(["@nestjs/common", "queue-lib", "seed-lib", "orphan-lib"]),
          },
        },
      ],
    }).packages;

  it("runs sourceRoot/entryFile (src/main by default) and each monorepo project's", () => {
    const packages = app({
      collection: "@nestjs/schematics",
      projects: { worker: { sourceRoot: "apps/worker/src", entryFile: "start" } },
    });
    expect(packages.get("@nestjs/common")).toMatchObject({
      class: "runtime",
      sites: [{ file: "src/app.module.ts", reachable: true }],
    });
    expect(packages.get("queue-lib")?.class).toBe("runtime");
    expect(packages.get("orphan-lib")?.class).toBe("dead-code-only");
  });
});

describe("release-it", () => {
  it("takes its plugins (keys of `plugins`) and runs its hooks, from the package.json key", () => {
    const usage = analyze([], {
      scripts: { release: "release-it" },
      devDependencies: dev(["release-it", "@release-it/conventional-changelog", "auto-changelog"]),
      "release-it": {
        plugins: { "@release-it/conventional-changelog": { infile: "CHANGELOG.md" } },
        hooks: { "after:bump": "auto-changelog -p" },
      },
    });
    expect(usage("@release-it/conventional-changelog")).toMatchObject({
      class: "config-only",
      configMentions: ["./package.json: @release-it/conventional-changelog"],
    });
    expect(usage("auto-changelog").scripts).toEqual(["package.json release-it: auto-changelog -p"]);
  });

  it("reads .release-it.json the same way", () => {
    const usage = analyze(
      [
        {
          path: ".release-it.json",
          text: '{\n  "plugins": {\n    "@release-it/bumper": {}\n  }\n}\n',
        },
      ],
      { devDependencies: dev(["release-it", "@release-it/bumper"]) },
    );
    expect(usage("@release-it/bumper").configMentions).toEqual([
      ".release-it.json:3: @release-it/bumper",
    ]);
    expect(usage("release-it").class).toBe("config-only");
  });
});
