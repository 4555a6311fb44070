import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiskCache } from "../../src/cache/disk-cache.js";
import { analyzeProject } from "../../src/collectors/usage/collect-usage.js";
import {
  declaredSurface,
  maxDeclarationBytes,
} from "../../src/collectors/usage/declared-exports.js";
import { usageLimits } from "../../src/collectors/usage/limits.js";
import type {
  FootprintCounters,
  InstalledPackage,
} from "../../src/collectors/usage/package-footprint.js";
import type { PackageFootprint } from "../../src/collectors/usage/types.js";

/** A UMD bundle: the JS entry names nothing but `default`, so the declarations must answer. */
const umd = (api: string) =>
  `(function (root, factory) {
  typeof exports === "object" && typeof module !== "undefined" ? (module.exports = factory()) : (root.lib = factory());
})(this, function () {
  "use strict";
  return ${api};
});
`;

const manifest = (name: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ name, version: "1.0.0", ...extra });

/**
 * One project per scenario of the issue (5, item 3), built as a file tree:
 * every package imitates a real one that the JS surface could not count.
 */
const tree: Record<string, string> = {
  "package.json": JSON.stringify({
    name: "declared-exports-fixture",
    private: true,
    main: "src/index.ts",
    dependencies: Object.fromEntries(
      ["purify-umd", "iconv-like", "bundle-typed-apart", "chain-pkg", "broken-dts", "no-types"].map(
        (n) => [n, "1.0.0"],
      ),
    ),
  }),
  "src/index.ts": `import DOMPurify from "purify-umd";
import { decode } from "iconv-like";
import { b1, a1 } from "chain-pkg";
import { ok } from "broken-dts";
import { run } from "no-types";
const bundle = require("bundle-typed-apart");
export default [DOMPurify.sanitize("x"), decode, bundle.sanitize(), b1, a1, ok, run];
`,
  // dompurify: a UMD bundle whose .d.ts default-exports an interface-typed object.
  "node_modules/purify-umd/package.json": manifest("purify-umd", {
    main: "dist/purify.js",
    types: "dist/purify.d.ts",
  }),
  "node_modules/purify-umd/dist/purify.js": umd("{ sanitize() {}, addHook() {} }"),
  "node_modules/purify-umd/dist/purify.d.ts": `interface PurifyI {
  sanitize(source: string): string;
  addHook(name: string): void;
  removeHook(name: string): void;
  readonly version: string;
}
declare const purify: PurifyI;
export default purify;
export type { PurifyI };
`,
  // iconv-lite: a module file that augments its own module name with the functions.
  "node_modules/iconv-like/package.json": manifest("iconv-like", {
    main: "./lib/index.js",
    types: "./lib/index.d.ts",
  }),
  "node_modules/iconv-like/lib/index.js": `var iconv = module.exports;
iconv.decode = function () {};
iconv.encode = function () {};
`,
  "node_modules/iconv-like/lib/index.d.ts": `declare module "iconv-like" {
  export function decode(buffer: Uint8Array, encoding: string, options?: Options): string;
  export function encode(content: string, encoding: string): Uint8Array;
  export function encodingExists(encoding: string): boolean;
}
export interface Options { stripBOM?: boolean }
export interface EncoderStream { end(): void }
`,
  // dompurify 3.1 itself: no declarations shipped, `@types/x` installed beside it with `export =`.
  "node_modules/bundle-typed-apart/package.json": manifest("bundle-typed-apart", {
    main: "bundle.js",
  }),
  "node_modules/bundle-typed-apart/bundle.js": umd("{ sanitize() {} }"),
  "node_modules/@types/bundle-typed-apart/package.json": manifest("@types/bundle-typed-apart", {
    version: "1.2.3",
    types: "index.d.ts",
  }),
  "node_modules/@types/bundle-typed-apart/index.d.ts": `export as namespace Purify;
export = Purify;
declare const Purify: Purify.API;
declare namespace Purify {
  interface API {
    sanitize(source?: string): string;
    addHook(): void;
    version: string;
  }
  interface Config { safe?: boolean }
}
`,
  // An index.d.ts beside a bundled main (no \`types\` field), reached through an export * cycle.
  "node_modules/chain-pkg/package.json": manifest("chain-pkg", { main: "dist/bundle.js" }),
  "node_modules/chain-pkg/dist/bundle.js": umd("{}"),
  "node_modules/chain-pkg/dist/index.d.ts": `export * from "./a";
export declare function root(): void;
`,
  "node_modules/chain-pkg/dist/a.d.ts": `export * from "./b.js";
export declare const a1: number;
`,
  "node_modules/chain-pkg/dist/b.d.ts": `export * from "./a";
export * from "./index";
export * from "./missing";
export declare function b1(): void;
export interface B { x: number }
`,
  // A declaration file that does not parse: TypeScript recovers what it can.
  "node_modules/broken-dts/package.json": manifest("broken-dts", {
    main: "index.js",
    types: "index.d.ts",
  }),
  "node_modules/broken-dts/index.js": umd("{ ok() {} }"),
  "node_modules/broken-dts/index.d.ts": `export declare function ok(): void;
export interface {{{ ;;
declare module
export = = ;
`,
  // Neither declarations nor @types: the fraction stays unknown, as before.
  "node_modules/no-types/package.json": manifest("no-types", { main: "index.js" }),
  "node_modules/no-types/index.js": umd("{ run() {} }"),
};

let dir: string;
let packages: Map<string, PackageFootprint | undefined>;

async function writeTree(root: string, files: Record<string, string>): Promise<void> {
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
}

async function footprints(options: Parameters<typeof analyzeProject>[2] = {}) {
  const analysis = await analyzeProject(dir, usageLimits, options);
  return new Map([...(analysis?.packages ?? [])].map(([name, u]) => [name, u.footprint]));
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "jenga-declared-exports-"));
  await writeTree(dir, tree);
  packages = await footprints();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function footprint(name: string): PackageFootprint {
  const found = packages.get(name);
  if (!found) throw new Error(`no footprint for ${name}`);
  return found;
}

describe("public exports from type declarations", () => {
  it("counts the members of an interface-typed default export used through it", () => {
    const purify = footprint("purify-umd");
    expect(purify.exports).toEqual({ used: ["sanitize"], total: 4, names: 4 });
    expect(purify.exportsUnknown).toBeUndefined();
    expect(purify.caveats).toContain(
      "exports counted from its type declarations (dist/purify.d.ts): the members of its default export",
    );
  });

  it("reads a module that augments its own name (iconv-lite's index.d.ts)", () => {
    const iconv = footprint("iconv-like");
    // decode, encode, encodingExists from the augmentation; Options, EncoderStream from the file.
    expect(iconv.exports).toEqual({ used: ["decode"], total: 5, names: 5 });
    expect(iconv.caveats).toContain("exports counted from its type declarations (lib/index.d.ts)");
  });

  it("reads the @types package beside a package that ships no declarations", () => {
    const bundle = footprint("bundle-typed-apart");
    // The `export =` value's members: sanitize, addHook, version (the namespace's interfaces are not).
    expect(bundle.exports).toEqual({ used: ["sanitize"], total: 3, names: 3 });
    expect(bundle.caveats).toContain(
      "exports counted from its type declarations (@types/bundle-typed-apart@1.2.3 index.d.ts): the members of its default export",
    );
  });

  it("follows export * chains through a cycle and past a missing file", () => {
    const chain = footprint("chain-pkg");
    // root, a1, b1, B; `default` from the bundle's module.exports.
    expect(chain.exports).toEqual({ used: ["a1", "b1"], total: 5, names: 5 });
    expect(chain.caveats).toContain("exports counted from its type declarations (dist/index.d.ts)");
  });

  it("recovers what it can from a declaration file that does not parse", () => {
    const broken = footprint("broken-dts");
    // `ok` from the declarations, `default` from the bundle; @babel/parser gave up on the file.
    expect(broken.exports).toEqual({ used: ["ok"], total: 2, names: 2 });
    expect(broken.caveats).toEqual([
      "index.d.ts could not be read",
      "exports counted from its type declarations (index.d.ts)",
    ]);
  });

  it("leaves the fraction unknown when there are no declarations to ask", () => {
    const none = footprint("no-types");
    expect(none.exports).toBeNull();
    expect(none.exportsUnknown).toBe("it exports default, not the members used (run)");
  });

  it("keeps the answer in the cached digest, so a warm run never loads the checker", async () => {
    const work = await mkdtemp(path.join(tmpdir(), "jenga-declared-cache-"));
    try {
      const cache = createDiskCache({
        dir: path.join(work, "cache"),
        mode: "normal",
        now: () => new Date(),
      });
      const cold: FootprintCounters = { packagesRead: 0, filesParsed: 0, cacheHits: 0 };
      const coldFootprints = await footprints({ cache, counters: cold });
      // purify-umd, iconv-like, bundle-typed-apart, chain-pkg, broken-dts.
      expect(cold.declarationsChecked).toBe(5);
      const warm: FootprintCounters = { packagesRead: 0, filesParsed: 0, cacheHits: 0 };
      const warmFootprints = await footprints({ cache, counters: warm });
      expect(warm).toEqual({ packagesRead: 0, filesParsed: 0, cacheHits: 6 });
      expect(warmFootprints).toEqual(coldFootprints);
      expect(warmFootprints).toEqual(packages);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});

describe("hostile declarations", () => {
  const pkg = (dts: string): InstalledPackage => ({
    manifest: { name: "hostile", version: "1.0.0", types: "index.d.ts" },
    files: new Map([["index.d.ts", dts]]),
    caveats: [],
  });

  it("skips a declaration set over the byte cap without parsing it", () => {
    const huge = `export declare const x: number;\n${" ".repeat(maxDeclarationBytes)}`;
    expect(declaredSurface("hostile", pkg(huge))).toEqual({
      source: "index.d.ts",
      names: [],
      defaultMembers: null,
      caveats: [`its type declarations (index.d.ts) are too large to read (${huge.length} bytes)`],
    });
  });

  it("drops an answer that runs out of time", () => {
    let t = 0;
    // Each reading of the clock moves it a minute on.
    const clock = () => (t += 60_000);
    expect(declaredSurface("hostile", pkg("export declare const x: number;"), clock)).toEqual({
      source: "index.d.ts",
      names: [],
      defaultMembers: null,
      caveats: ["its type declarations (index.d.ts) took too long"],
    });
  });

  it("survives deep recursive types and self-referencing export = ", () => {
    const dts = `type Deep<T, N extends unknown[] = []> = N["length"] extends 50 ? T : Deep<{ next: T }, [...N, 0]>;
declare const api: Deep<{ a: 1 }> & { [K in "p" | "q"]: Deep<K> };
export = api;
export * from "./index";
`;
    const surface = declaredSurface("hostile", pkg(dts));
    expect(surface?.caveats).toEqual([]);
    expect(surface?.defaultMembers).toEqual(expect.arrayContaining(["p", "q"]));
  });

  it("says nothing for a package without declarations", () => {
    expect(
      declaredSurface("plain", {
        manifest: { name: "plain", main: "index.js" },
        files: new Map([["index.js", "module.exports = {}"]]),
        caveats: [],
      }),
    ).toBeNull();
  });
});
