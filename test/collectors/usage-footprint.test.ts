import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeProject, notInstalled } from "../../src/collectors/usage/collect-usage.js";
import { usageLimits } from "../../src/collectors/usage/limits.js";
import {
  entryFile,
  importConditions,
  requireConditions,
  resolveExports,
  typesFile,
} from "../../src/collectors/usage/package-entry.js";
import { codeSize, lineCount } from "../../src/collectors/usage/package-files.js";
import {
  type InstalledPackage,
  measureFootprint,
  subpathOf,
} from "../../src/collectors/usage/package-footprint.js";
import {
  findInstalled,
  readInstalledPackage,
} from "../../src/collectors/usage/read-installed-package.js";
import type { ImportSite, UsageEvidence } from "../../src/collectors/usage/types.js";

const fixture = path.resolve(import.meta.dirname, "../fixtures/usage/footprint");
let packages: Map<string, UsageEvidence>;

beforeAll(async () => {
  packages = (await analyzeProject(fixture, usageLimits))?.packages ?? new Map();
});

function footprint(name: string) {
  const found = packages.get(name)?.footprint;
  if (!found) throw new Error(`no footprint for ${name}`);
  return found;
}

describe("the dependency side of installed packages", () => {
  it("follows an ESM barrel's export * through every level", () => {
    expect(footprint("barrel-esm")).toEqual({
      status: "ok",
      version: "1.0.0",
      entries: [{ subpath: ".", file: "index.js" }],
      // alpha, alpha2, Beta, delta, epsilon (two levels of export *) and the renamed default.
      exports: { used: ["alpha"], total: 6, names: 6 },
      // The barrel loads every file it re-exports: all but lib/unused.js.
      code: {
        usedFiles: 5,
        totalFiles: 6,
        usedBytes: 114 + 52 + 48 + 39 + 55,
        totalBytes: 371,
        usedLines: 12,
        totalLines: 15,
      },
      dependencies: { reached: ["left-dep"], declared: ["left-dep", "unused-dep"] },
      caveats: [],
    });
  });

  it("reads a CommonJS module.exports object and ignores maps and READMEs", () => {
    const cjs = footprint("cjs-object");
    expect(cjs.entries).toEqual([{ subpath: ".", file: "lib/main.js" }]);
    expect(cjs.exports).toEqual({ used: ["x"], total: 4, names: 4 });
    expect(cjs.code).toEqual({
      usedFiles: 2,
      totalFiles: 3,
      usedBytes: 126 + 15,
      totalBytes: 179,
      usedLines: 6,
      totalLines: 7,
    });
    expect(cjs.dependencies).toEqual({ reached: [], declared: [] });
  });

  it("resolves an exports map's conditions and patterns, #imports and the .d.ts", () => {
    const map = footprint("exports-map");
    expect(map.entries).toEqual([
      { subpath: ".", file: "esm/index.mjs" },
      { subpath: "./feature/one", file: "features/one.mjs" },
    ]);
    // main, helper, Shape, Kind, extra (.d.ts export *), plus the deep import as one more.
    expect(map.exports).toEqual({ used: ["./feature/one", "Shape", "main"], total: 6, names: 5 });
    // The import build only: esm/index.mjs, esm/util.mjs (#util), features/one.mjs.
    expect(map.code).toMatchObject({
      usedFiles: 3,
      totalFiles: 6,
      usedBytes: 182,
      totalBytes: 340,
    });
    expect(map.code).toMatchObject({ usedLines: 12, totalLines: 20 });
    expect(map.dependencies).toEqual({
      reached: ["dep-a", "dep-b"],
      declared: ["dep-a", "dep-b", "dep-c"],
    });
  });

  it("leaves the export fraction unknown for a namespace used whole, and says why", () => {
    const ns = footprint("whole-ns");
    expect(ns.exports).toBeNull();
    expect(ns.exportsUnknown).toBe("the whole namespace is used at src/index.ts:6");
    expect(ns.code?.usedBytes).toBe(ns.code?.totalBytes);
  });

  it("says a package that is not installed has an unknown fraction", () => {
    expect(footprint("absent-pkg-xyz")).toMatchObject({
      status: notInstalled,
      exports: null,
      code: null,
    });
    expect(notInstalled).toMatch(/^not installed: used fraction unknown/);
  });

  it("finds the package by walking up, as Node does, and refuses unsafe names", async () => {
    const found = await findInstalled(path.join(fixture, "src", "deeper"), "cjs-object");
    expect(found).toBe(path.join(fixture, "node_modules", "cjs-object"));
    expect(await findInstalled(fixture, "../footprint")).toBeNull();
  });
});

describe("exports maps", () => {
  const exportsField = {
    ".": [{ import: "./a.mjs", require: "./a.cjs" }, "./fallback.js"],
    "./sub/*": "./lib/*.js",
    "./sub/deep/*": "./deep/*.js",
    "./sub/hidden/*": null,
    "./legacy/": "./old/",
  };

  it("matches conditions in the map's own order, the longest pattern, null and folder keys", () => {
    expect(resolveExports(exportsField, ".", importConditions)).toBe("./a.mjs");
    expect(resolveExports(exportsField, ".", requireConditions)).toBe("./a.cjs");
    expect(resolveExports(exportsField, ".", ["browser"])).toBe("./fallback.js");
    expect(resolveExports(exportsField, "./sub/x", importConditions)).toBe("./lib/x.js");
    expect(resolveExports(exportsField, "./sub/deep/y", importConditions)).toBe("./deep/y.js");
    expect(resolveExports(exportsField, "./sub/hidden/z", importConditions)).toBeNull();
    expect(resolveExports(exportsField, "./legacy/q.js", importConditions)).toBe("./old/q.js");
    expect(resolveExports(exportsField, "./missing", importConditions)).toBeNull();
    expect(resolveExports({ default: "./d.js", node: "./n.js" }, ".", importConditions)).toBe(
      "./d.js",
    );
    expect(resolveExports("./only.js", ".", importConditions)).toBe("./only.js");
    expect(resolveExports("../escape.js", ".", importConditions)).toBeNull();
  });

  it("falls back to module, main and index.js, with extension and folder resolution", () => {
    const files = new Set(["lib/index.js", "esm/main.mjs", "index.js", "get.js", "index.d.ts"]);
    expect(entryFile({ main: "lib" }, ".", requireConditions, files)).toBe("lib/index.js");
    expect(entryFile({ main: "lib", module: "esm/main.mjs" }, ".", importConditions, files)).toBe(
      "esm/main.mjs",
    );
    expect(entryFile({}, ".", requireConditions, files)).toBe("index.js");
    expect(entryFile({}, "./get", requireConditions, files)).toBe("get.js");
    expect(typesFile({ main: "index.js" }, files)).toBe("index.d.ts");
    expect(subpathOf("lodash", "lodash/get")).toBe("./get");
    expect(subpathOf("@s/p", "@s/p/a/b.js?x")).toBe("./a/b.js");
    expect(subpathOf("lodash", undefined)).toBe(".");
  });
});

const site = (symbols: string[], specifier?: string, kind: ImportSite["kind"] = "import") => ({
  file: "src/a.js",
  line: 1,
  kind,
  symbols,
  typeOnly: false,
  ...(specifier ? { specifier } : {}),
});

describe("the pure twin", () => {
  const installed = (files: Record<string, string>, manifest = {}) => ({
    manifest: { name: "p", ...manifest },
    files: new Map(Object.entries(files)),
    caveats: [],
  });

  it("reads compiled CommonJS: defineProperty, __exportStar and module.exports = require()", () => {
    const pkg = installed({
      "index.js": 'module.exports = require("./dist/index");\n',
      "dist/index.js":
        'Object.defineProperty(exports, "__esModule", { value: true });\n' +
        'Object.defineProperty(exports, "a", { get: () => 1 });\n' +
        'tslib.__exportStar(require("./b"), exports);\n',
      "dist/b.js": "exports.b = void 0;\nexports.b = 2;\nexports.c = 3;\n",
    });
    const found = measureFootprint(
      "p",
      pkg,
      [site(["a", "c"], "p", "require")],
      usageLimits.maxFileBytes,
    );
    expect(found.exports).toEqual({ used: ["a", "c"], total: 3, names: 3 });
    expect(found.code?.usedFiles).toBe(3);
  });

  it("counts a deep import by the root export of its name", () => {
    const pkg = installed({
      "index.js": "module.exports = { get: require('./get'), set: require('./set') };\n",
      "get.js": "module.exports = function get() {};\n",
      "set.js": "module.exports = function set() {};\n",
    });
    const found = measureFootprint(
      "p",
      pkg,
      [site(["default"], "p/get")],
      usageLimits.maxFileBytes,
    );
    expect(found.exports).toEqual({ used: ["get"], total: 2, names: 2 });
    expect(found.entries).toEqual([{ subpath: "./get", file: "get.js" }]);
    expect(found.code).toMatchObject({ usedFiles: 1, totalFiles: 3 });
  });

  it("leaves exports unknown for one exported object whose members are used", () => {
    const pkg = installed({ "index.js": "function _() {}\n_.get = 1;\nmodule.exports = _;\n" });
    const found = measureFootprint("p", pkg, [site(["get"], "p")], usageLimits.maxFileBytes);
    expect(found.exports).toBeNull();
    expect(found.exportsUnknown).toBe("it exports default, not the members used (get)");
    const whole = measureFootprint(
      "p",
      installed({ "index.js": "exports.a = 1;\n" }),
      [site(["default"], "p")],
      100,
    );
    expect(whole.exportsUnknown).toMatch(/used whole, with no member access, at src\/a\.js:1/);
  });

  it("counts a file too large to parse in the totals, and says so", () => {
    const pkg = installed({
      "index.js": 'require("./big");\n',
      "big.js": `// ${"x".repeat(200)}\n`,
    });
    const found = measureFootprint("p", pkg, [site(["default"], "p")], 100);
    expect(found.code).toMatchObject({ usedFiles: 2, totalFiles: 2 });
    expect(found.caveats).toContain("big.js is too large to parse");
  });

  it("leaves a path from require.resolve unknown: what is read from it is not an import", () => {
    const pkg = installed({ "index.js": "exports.a = 1;\n" });
    const found = measureFootprint("p", pkg, [site([], "p", "require-resolve")], 1000);
    expect(found.exportsUnknown).toBe(
      "resolved as a file path at src/a.js:1: what is read from it is unknown",
    );
    expect(found.caveats).toContain("resolved as a path at src/a.js:1");
  });

  it("counts the members of a namespace a declaration file exports with export =", () => {
    const pkg = installed({
      "index.js": "module.exports = {};\n",
      "index.d.ts":
        "declare namespace ts {\n  function a(): void;\n  export const b: 1;\n  namespace inner {}\n}\n" +
        "declare namespace ts {\n  interface C {}\n}\nexport = ts;\n",
    });
    const found = measureFootprint("p", pkg, [site(["a", "C"], "p")], 1000);
    expect(found.exports).toEqual({ used: ["C", "a"], total: 4, names: 4 });
  });

  it("follows a require of the package's own name to its root entry", () => {
    // react-dom/client.js is `require("react-dom")` and a choice of its builds' members.
    const pkg = installed(
      {
        "index.js": 'module.exports = require("./cjs/dom.js");\n',
        "cjs/dom.js": 'require("scheduler");\nexports.createRoot = 1;\n',
        "client.js": 'var m = require("p");\nexports.createRoot = m.createRoot;\n',
        "server.js": "exports.render = 1;\n",
      },
      { main: "index.js" },
    );
    const found = measureFootprint("p", pkg, [site(["createRoot"], "p/client")], 1000);
    expect(found.code).toMatchObject({ usedFiles: 3, totalFiles: 4 });
    expect(found.dependencies?.reached).toEqual(["scheduler"]);
  });

  it("counts the exports of the build the project loads: import or require", () => {
    // A dual package whose CommonJS build also exports a helper its ES build does not.
    const pkg = installed(
      {
        "index.mjs": "export const a = 1;\nexport const b = 2;\n",
        "index.cjs": "exports.a = 1;\nexports.b = 2;\nexports.__helper = 3;\n",
      },
      { exports: { ".": { import: "./index.mjs", require: "./index.cjs" } } },
    );
    const imported = measureFootprint("p", pkg, [site(["a"], "p")], 1000);
    expect(imported.exports).toEqual({ used: ["a"], total: 2, names: 2 });
    const required = measureFootprint("p", pkg, [site(["a"], "p", "require")], 1000);
    expect(required.exports).toEqual({ used: ["a"], total: 3, names: 3 });
    const both = measureFootprint("p", pkg, [site(["a"], "p"), site(["b"], "p", "require")], 1000);
    expect(both.exports).toEqual({ used: ["a", "b"], total: 3, names: 3 });
  });

  it("reads an ES module's surface from its export statements, not from CommonJS it bundles", () => {
    // A bundle that inlines a CommonJS dependency (vite plugins inline `debug`): its
    // `exports.x =` belong to the inlined module, not to the package.
    const pkg = installed(
      {
        "index.mjs":
          "var debug = (function (exports, module) {\n  exports.log = 1;\n  module.exports.humanize = 2;\n})({}, {});\n" +
          "export default function plugin() {}\nexport const version = 1;\n",
      },
      { exports: "./index.mjs" },
    );
    const found = measureFootprint("p", pkg, [site(["default"], "p")], 1000);
    expect(found.exports).toEqual({ used: ["default"], total: 2, names: 2 });
  });

  it("parses a module once though a namespace export reads it again (zod's `export { z }`)", () => {
    const pkg = installed(
      {
        "index.js":
          'import * as z from "./external.js";\nexport * from "./external.js";\nexport { z };\n',
        "external.js": 'export * from "./types.js";\nexport const parse = 1;\n',
        "types.js": "export function string() {}\nexport function object() {}\n",
      },
      { type: "module", main: "index.js" },
    );
    const counters = { packagesRead: 0, filesParsed: 0, cacheHits: 0 };
    const found = measureFootprint("p", pkg, [site(["z.object"], "p")], 1000, counters);
    expect(found.exports).toEqual({ used: ["z.object"], total: 6, names: 6 });
    expect(counters.filesParsed).toBe(3);
  });

  it("reads the smaller build of a NODE_ENV build switch and counts both as reached", () => {
    const prod = "exports.createRoot=function(){};exports.version=1;";
    const dev = `exports.createRoot = function () {};\nexports.version = 1;\n${"// dev\n".repeat(50)}`;
    const pkg = installed(
      {
        "index.js":
          "'use strict';\nfunction check() {}\n" +
          "if (process.env.NODE_ENV === 'production') {\n  check();\n  module.exports = require('./cjs/p.production.min.js');\n} else {\n  module.exports = require('./cjs/p.development.js');\n}\n",
        "cjs/p.production.min.js": prod,
        "cjs/p.development.js": dev,
        "other.js": "exports.other = 1;\n",
      },
      { main: "index.js" },
    );
    const counters = { packagesRead: 0, filesParsed: 0, cacheHits: 0 };
    const found = measureFootprint("p", pkg, [site(["createRoot"], "p")], 10_000, counters);
    expect(found.exports).toEqual({ used: ["createRoot"], total: 2, names: 2 });
    // index.js and both builds are reached; other.js is not.
    expect(found.code).toMatchObject({ usedFiles: 3, totalFiles: 4 });
    // The development build is never parsed: index.js and the production build are.
    expect(counters.filesParsed).toBe(2);
  });

  it("takes a switch written the other way round, and follows both requires of anything else", () => {
    const switched = installed({
      "index.js":
        'if ("development" !== process.env.NODE_ENV) module.exports = require("./a.js");\nelse module.exports = require("./b.js");\n',
      "a.js": "exports.x = 1;\n",
      "b.js": "exports.x = 1; // a longer build of the same\n",
    });
    const counters = { packagesRead: 0, filesParsed: 0, cacheHits: 0 };
    measureFootprint("p", switched, [site(["x"], "p")], 1000, counters);
    expect(counters.filesParsed).toBe(2);
    // Not on NODE_ENV: two different modules, both read.
    const feature = installed({
      "index.js":
        'if (process.env.FEATURE === "1") module.exports = require("./a.js");\nelse module.exports = require("./b.js");\n',
      "a.js": "exports.x = 1;\n",
      "b.js": "exports.y = 1;\n",
    });
    const both = { packagesRead: 0, filesParsed: 0, cacheHits: 0 };
    const found = measureFootprint("p", feature, [site(["x"], "p")], 1000, both);
    expect(both.filesParsed).toBe(3);
    expect(found.exports).toEqual({ used: ["x"], total: 2, names: 2 });
  });

  it("loads no code for a type-only use", () => {
    const pkg = installed({
      "index.js": "exports.a = 1;\n",
      "index.d.ts": "export type A = 1;\nexport declare const a: 1;\n",
    });
    const found = measureFootprint("p", pkg, [{ ...site(["A"], "p"), typeOnly: true }], 1000);
    expect(found.code).toBeNull();
    expect(found.exports).toEqual({ used: ["A"], total: 2, names: 2 });
  });
});

describe("reading an installed package", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "jenga-footprint-"));
    await writeFile(path.join(dir, "package.json"), '{"name":"p"}');
    for (const f of ["a.js", "b.js", "c.js"]) await writeFile(path.join(dir, f), "x;\n");
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("stops at the file cap and the byte budget, saying so", async () => {
    const capped = await readInstalledPackage(dir, { ...usageLimits, maxPackageFiles: 2 });
    expect(capped?.files.size).toBe(2);
    expect(capped?.caveats).toEqual(["stopped at 2 files: the totals are a lower bound"]);
    const budget = await readInstalledPackage(dir, { ...usageLimits, maxPackageBytes: 5 });
    expect(budget?.files.size).toBe(1);
    expect(await readInstalledPackage(path.join(dir, "none"), usageLimits)).toBeNull();
  });

  it("counts the lines of a file longer than one read as lineCount counts its text", async () => {
    const long = await mkdtemp(path.join(tmpdir(), "jenga-footprint-long-"));
    try {
      // 300 KB: more than one read of the counting buffer, with and without a final newline.
      const body = "x = 1;\n".repeat(40_000);
      for (const [file, text] of [
        ["a.js", body],
        ["b.js", `${body}y`],
        ["c.js", ""],
      ] as const) {
        await writeFile(path.join(long, file), text);
        expect(codeSize(path.join(long, file), 1e9)).toEqual([text.length, lineCount(text)]);
      }
      expect(codeSize(path.join(long, "a.js"), 100)).toEqual({ tooLarge: body.length });
      expect(codeSize(path.join(long, "none.js"), 100)).toBeNull();
    } finally {
      await rm(long, { recursive: true, force: true });
    }
  });

  it("counts code sizes up front and reads each text only when it is asked for", async () => {
    const lazy = await mkdtemp(path.join(tmpdir(), "jenga-footprint-lazy-"));
    try {
      await writeFile(path.join(lazy, "package.json"), '{"name":"q","types":"index.d.ts"}');
      await writeFile(path.join(lazy, "index.js"), "exports.a = 1;\nexports.b = 2;\n");
      await writeFile(path.join(lazy, "index.d.ts"), "export declare const a: 1;\n");
      const pkg = await readInstalledPackage(lazy, usageLimits);
      expect([...(pkg?.files.keys() ?? [])].sort()).toEqual(["index.d.ts", "index.js"]);
      // Sizes of code files, for the totals; declarations count in none.
      expect(pkg?.sizes).toEqual(new Map([["index.js", [30, 2]]]));
      // Changed after the listing: what is read is the text on disk when asked.
      await writeFile(path.join(lazy, "index.d.ts"), "export declare const z: 1;\n");
      expect(pkg?.files.get("index.d.ts")).toBe("export declare const z: 1;\n");
      const found = measureFootprint("q", pkg as InstalledPackage, [site(["a"], "q")], 1000);
      expect(found.exports).toEqual({ used: ["a"], total: 3, names: 3 });
      expect(found.code).toMatchObject({ usedBytes: 30, usedLines: 2, totalFiles: 1 });
    } finally {
      await rm(lazy, { recursive: true, force: true });
    }
  });
});
