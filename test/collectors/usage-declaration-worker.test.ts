import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import type * as Checker from "../../src/collectors/usage/declaration-checker.js";
import { declaredSurface } from "../../src/collectors/usage/declared-exports.js";
import type { InstalledPackage } from "../../src/collectors/usage/package-footprint.js";

/**
 * The worker thread runs only from the built code (`npm test` builds before
 * vitest; the sources have no .js worker file to start), so this test loads
 * the checker from `.build` and holds its answers to the in-thread ones.
 */
const buildDir = path.resolve(import.meta.dirname, "../../.build");
const built = (file: string) => import(pathToFileURL(path.join(buildDir, file)).href);

/** dompurify's shape: a UMD bundle (code is left out: the checker reads no code) and a default-exported interface-typed object. */
const purify: InstalledPackage = {
  manifest: {
    name: "purify-umd",
    version: "1.0.0",
    main: "dist/purify.js",
    types: "dist/purify.d.ts",
  },
  files: new Map([
    ["dist/purify.js", "module.exports = { sanitize() {}, addHook() {} };"],
    [
      "dist/purify.d.ts",
      "interface PurifyI { sanitize(dirty: string): string; addHook(name: string): void; version: string }\ndeclare const purify: PurifyI;\nexport default purify;\nexport type { PurifyI };\n",
    ],
  ]),
  caveats: [],
};

/** A package without declarations of its own, typed by `@types` installed beside it. */
const typedApart: InstalledPackage = {
  manifest: { name: "apart", version: "2.0.0", main: "index.js" },
  files: new Map([["index.js", "module.exports = require('./impl');"]]),
  caveats: [],
  typesPackage: {
    manifest: { name: "@types/apart", version: "2.0.1", types: "index.d.ts" },
    files: new Map([
      ["index.d.ts", 'export * from "./more";\nexport declare function one(): void;\n'],
      ["more.d.ts", "export declare const two: number;\nexport interface Three {}\n"],
    ]),
    caveats: [],
  },
};

describe("the declaration checker's worker thread", () => {
  it("is built beside the checker, so the checker below starts it rather than answering in-thread", () => {
    expect(existsSync(path.join(buildDir, "collectors/usage/declaration-worker.js"))).toBe(true);
  });

  it("answers as the same check in this thread does", async () => {
    const { createDeclarationChecker } = (await built(
      "collectors/usage/declaration-checker.js",
    )) as typeof Checker;
    const checker = createDeclarationChecker();
    try {
      checker.prepare();
      const [a, b, none] = await Promise.all([
        checker.check("purify-umd", purify),
        checker.check("apart", typedApart),
        checker.check("no-types", {
          manifest: { name: "no-types" },
          files: new Map(),
          caveats: [],
        }),
      ]);
      expect(a).toEqual(declaredSurface("purify-umd", purify));
      expect(a?.defaultMembers?.sort()).toEqual(["addHook", "sanitize", "version"]);
      expect(b).toEqual(declaredSurface("apart", typedApart));
      expect(b?.names.sort()).toEqual(["Three", "one", "two"]);
      expect(b?.source).toBe("@types/apart@2.0.1 index.d.ts");
      expect(none).toBeNull();
    } finally {
      await checker.close();
    }
  });

  it("answers a question still open when it is closed, in this thread", async () => {
    const { createDeclarationChecker } = (await built(
      "collectors/usage/declaration-checker.js",
    )) as typeof Checker;
    const checker = createDeclarationChecker();
    const asked = checker.check("purify-umd", purify);
    await checker.close();
    expect(await asked).toEqual(declaredSurface("purify-umd", purify));
    // And every later question too: the worker is not started again.
    expect(await checker.check("apart", typedApart)).toEqual(declaredSurface("apart", typedApart));
  });
});
