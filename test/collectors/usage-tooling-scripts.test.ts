import { describe, expect, it } from "vitest";
import { analyzeUsage } from "../../src/collectors/usage/analyze-usage.js";
import { scriptUse } from "../../src/collectors/usage/entry-points.js";

/** A package only build or test scripts use is tooling (script-only) or test-only, never runtime. */
const analysis = analyzeUsage({
  files: [
    { path: "src/index.js", text: 'import express from "express";\nexpress();\n' },
    {
      path: "scripts/build.mjs",
      text: 'import { build } from "esbuild";\nimport "./shared.mjs";\nawait build({});\n',
    },
    { path: "scripts/shared.mjs", text: 'import pc from "picocolors";\npc.green("x");\n' },
    { path: "scripts/bench.mjs", text: 'import { Bench } from "tinybench";\nnew Bench();\n' },
    { path: "scripts/serve.mjs", text: 'import compression from "compression";\ncompression();\n' },
  ],
  manifests: [
    {
      dir: "",
      data: {
        main: "src/index.js",
        scripts: {
          build: "node scripts/build.mjs",
          "bench:api": "node scripts/bench.mjs",
          start: "node scripts/serve.mjs",
        },
        dependencies: {
          express: "4",
          esbuild: "0.20",
          picocolors: "1",
          tinybench: "2",
          compression: "1",
        },
      },
    },
  ],
});
const classOf = (name: string) => analysis.packages.get(name)?.class;

describe("build and test scripts", () => {
  it("classes a package imported only by files a build script runs as tooling (script-only)", () => {
    expect(classOf("esbuild")).toBe("script-only");
    expect(classOf("picocolors")).toBe("script-only");
    expect(analysis.packages.get("esbuild")?.sites[0]).toMatchObject({
      role: "script",
      reachable: true,
    });
  });

  it("classes one only a bench or test script runs as test-only", () => {
    expect(classOf("tinybench")).toBe("test-only");
  });

  it("keeps what the product and its start script run as runtime", () => {
    expect(classOf("express")).toBe("runtime");
    expect(classOf("compression")).toBe("runtime");
    expect(analysis.deadFiles).toEqual([]);
  });

  it("tells scripts apart by npm's naming habits", () => {
    expect(["build", "prebuild", "build:css", "lint", "release", "prepare"].map(scriptUse)).toEqual(
      Array(6).fill("tooling"),
    );
    expect(["test", "test:unit", "pretest", "e2e", "coverage"].map(scriptUse)).toEqual(
      Array(5).fill("test"),
    );
    expect(["start", "dev", "serve", "worker", "prestart"].map(scriptUse)).toEqual(
      Array(5).fill("runtime"),
    );
  });
});
