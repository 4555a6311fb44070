import { describe, expect, it } from "vitest";
import { isSourceFile } from "../../src/collectors/git/source-files.js";

describe("which files at HEAD are source code", () => {
  it.each([
    "index.js",
    "src/parse.ts",
    "lib/util/deep.mjs",
    "packages/core/src/index.tsx",
    "binding.cc",
    '"src/na\\303\\257ve.js"',
  ])("counts %s", (file) => {
    expect(isSourceFile(file)).toBe(true);
  });

  it.each([
    "README.md",
    "test/index.js",
    "packages/core/__tests__/a.ts",
    "src/parse.test.ts",
    "src/parse.spec.js",
    "examples/basic.js",
    "docs/conf.js",
    "benchmark/run.js",
    "dist/index.js",
    "build/bundle.js",
    ".eslintrc.js",
    ".github/scripts/release.js",
    "webpack.config.js",
    "Gruntfile.js",
    "gulpfile.js",
    "fixtures/x.js",
  ])(
    "leaves out %s: tests, examples, docs, built copies and tool config are not the code you depend on",
    (file) => {
      expect(isSourceFile(file)).toBe(false);
    },
  );
});
