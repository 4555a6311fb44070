import { describe, expect, it } from "vitest";
import { analyzeUsage } from "../../src/collectors/usage/analyze-usage.js";
import { collectUsage } from "../../src/collectors/usage/collect-usage.js";
import { packageOfSpecifier } from "../../src/collectors/usage/package-of-specifier.js";
import { inventoryPackage, now } from "../helpers/evidence.js";

describe("package names from specifiers", () => {
  it("strips subpaths, keeps scopes, ignores builtins, paths and URLs", () => {
    expect(packageOfSpecifier("lodash/get")).toBe("lodash");
    expect(packageOfSpecifier("@babel/core/lib/x.js")).toBe("@babel/core");
    expect(packageOfSpecifier("node:fs")).toBeNull();
    expect(packageOfSpecifier("fs/promises")).toBeNull();
    expect(packageOfSpecifier("./a")).toBeNull();
    expect(packageOfSpecifier("#internal")).toBeNull();
    expect(packageOfSpecifier("https://x.test/a.js")).toBeNull();
    expect(packageOfSpecifier("@scope")).toBeNull();
  });
});

describe("the pure twin", () => {
  it("maps script binaries through installed bin fields and preloads", () => {
    const analysis = analyzeUsage({
      files: [{ path: "index.js", text: "" }],
      manifests: [
        {
          dir: "",
          data: {
            main: "index.js",
            scripts: { dev: "npx --yes cross-env A=1 node --import tsx index.js", x: "bx run" },
            devDependencies: { tsx: "1", "binary-x": "1", "cross-env": "1" },
          },
        },
      ],
      bins: new Map([["bx", "binary-x"]]),
    });
    expect(analysis.packages.get("tsx")?.class).toBe("script-only");
    expect(analysis.packages.get("binary-x")?.scripts).toEqual(["x: bx run"]);
    // A wrapper runs from the script as much as what it wraps.
    expect(analysis.packages.get("cross-env")?.class).toBe("script-only");
  });

  it("takes a required peer of a used package as used through it, an optional one as unknown", () => {
    const analysis = analyzeUsage({
      files: [{ path: "build.config.js", text: 'module.exports = { presets: ["@babel/env"] };' }],
      manifests: [
        {
          dir: "",
          data: {
            devDependencies: { "@babel/core": "7", "@babel/preset-env": "7", "core-js": "3" },
          },
        },
      ],
      peers: new Map([["@babel/preset-env", ["@babel/core"]]]),
      optionalPeers: new Map([["@babel/preset-env", ["core-js"]]]),
    });
    expect(analysis.packages.get("@babel/preset-env")?.class).toBe("config-only");
    expect(analysis.packages.get("@babel/core")).toMatchObject({
      class: "config-only",
      loadedBy: ["@babel/preset-env"],
    });
    expect(analysis.packages.get("core-js")?.class).toBe("unknown");
  });

  it("reads workspaces, Vue script blocks, and test-only code under __tests__", () => {
    const analysis = analyzeUsage({
      files: [
        {
          path: "packages/ui/src/App.vue",
          text: '<template/>\n<script setup lang="ts">\nimport { ref } from "vue";\n</script>\n',
        },
        {
          path: "packages/ui/src/main.ts",
          text: 'import App from "./App.vue";\nexport default App;\n',
        },
        {
          path: "packages/ui/__tests__/app.ts",
          text: 'import { mount } from "@vue/test-utils";\n',
        },
      ],
      manifests: [
        { dir: "", data: { devDependencies: { "@vue/test-utils": "2" } } },
        {
          dir: "packages/ui",
          data: { name: "ui", module: "src/main.ts", dependencies: { vue: "3" } },
        },
      ],
    });
    expect(analysis.packages.get("vue")?.sites[0]).toMatchObject({
      file: "packages/ui/src/App.vue",
      line: 3,
      symbols: ["ref"],
    });
    expect(analysis.packages.get("vue")?.class).toBe("runtime");
    expect(analysis.packages.get("@vue/test-utils")?.class).toBe("test-only");
  });

  it("counts every source file reached when no entry point is known", () => {
    const analysis = analyzeUsage({
      files: [{ path: "server.js", text: 'require("express");' }],
      manifests: [{ dir: "", data: { dependencies: { express: "4" } } }],
    });
    expect(analysis.entriesFound).toBe(false);
    expect(analysis.deadFiles).toEqual([]);
    expect(analysis.packages.get("express")?.class).toBe("runtime");
  });
});

describe("collectUsage statuses", () => {
  const pkgs = [
    inventoryPackage({ name: "kept" }),
    inventoryPackage({ name: "deep", direct: false }),
  ];

  it("says skipped for --no-usage", async () => {
    const result = await collectUsage(["."], pkgs, { enabled: false, now: () => now });
    expect(result.get("kept")?.status).toBe("skipped: --no-usage");
  });

  it("says unavailable when there are no sources (an SBOM alone)", async () => {
    const result = await collectUsage([`${import.meta.dirname}/no-such-project/bom.json`], pkgs, {
      enabled: true,
      now: () => now,
    });
    expect(result.get("kept")?.status).toMatch(/^unavailable: no project sources/);
  });
});

describe("createRequire chains and declaration files", () => {
  it("reads createRequire(...).resolve and createRequire(...)(x), and never calls a .d.ts dead", () => {
    const analysis = analyzeUsage({
      files: [
        {
          path: "src/index.ts",
          text: 'import { createRequire } from "node:module";\nexport const chart = createRequire(import.meta.url).resolve("chart.js");\nexport const cfg = createRequire(import.meta.url)("rc");\n',
        },
        { path: "src/ambient.d.ts", text: 'declare module "x" {}\n' },
      ],
      manifests: [
        { dir: "", data: { main: "src/index.ts", dependencies: { "chart.js": "4", rc: "1" } } },
      ],
    });
    expect(analysis.packages.get("chart.js")?.sites[0]).toMatchObject({
      kind: "require-resolve",
      line: 2,
    });
    expect(analysis.packages.get("rc")?.sites[0]).toMatchObject({ kind: "require", line: 3 });
    expect(analysis.deadFiles).toEqual([]);
  });
});
