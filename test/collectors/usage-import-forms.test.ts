import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { UsageAnalysis } from "../../src/collectors/usage/analyze-usage.js";
import { analyzeProject } from "../../src/collectors/usage/collect-usage.js";
import { usageLimits } from "../../src/collectors/usage/limits.js";
import type { UsageEvidence } from "../../src/collectors/usage/types.js";

const fixture = path.resolve(import.meta.dirname, "../fixtures/usage/import-forms");
let analysis: UsageAnalysis;

function usage(name: string): UsageEvidence {
  const found = analysis.packages.get(name);
  if (!found) throw new Error(`no usage for ${name}`);
  return found;
}

/** Each site as `file:line kind [symbols]`, `type` marking type-only ones. */
function sitesOf(name: string): string[] {
  return usage(name).sites.map(
    (s) => `${s.file}:${s.line} ${s.kind}${s.typeOnly ? " type" : ""} [${s.symbols.join(",")}]`,
  );
}

beforeAll(async () => {
  analysis = (await analyzeProject(fixture, usageLimits)) as UsageAnalysis;
});

describe("import forms", () => {
  it("reads members reached through default and namespace imports", () => {
    expect(sitesOf("lodash")).toEqual(["src/index.ts:1 import [chunk,get]"]);
    expect(sitesOf("semver")).toEqual(["src/index.ts:2 import [valid]"]);
    expect(sitesOf("react")).toEqual(["src/view.jsx:1 import [Fragment]"]);
  });

  it("keeps inline type specifiers and import type apart", () => {
    expect(sitesOf("zod")).toEqual([
      "src/index.ts:3 import [z.string]",
      "src/index.ts:3 type-import type [ZodType]",
    ]);
    expect(sitesOf("yaml")).toEqual(["src/index.ts:4 type-import type [Options]"]);
    expect(usage("yaml").class).toBe("type-only");
    expect(usage("zod").class).toBe("runtime");
  });

  it("reads side-effect subpaths, import-equals, re-exports, require forms and dynamic import", () => {
    expect(sitesOf("dotenv")).toEqual(["src/index.ts:5 side-effect []"]);
    expect(sitesOf("express")).toEqual(["src/index.ts:6 import-equals [default]"]);
    expect(sitesOf("uuid")).toEqual(["src/index.ts:10 re-export [v4]"]);
    expect(sitesOf("chalk")).toEqual(["src/index.ts:19 require [bold,red]"]);
    expect(sitesOf("debug")).toEqual(["src/util.ts:5 require [default]"]);
    expect(sitesOf("@scope/pkg")).toEqual(["src/util.ts:8 require-resolve []"]);
    expect(sitesOf("ms")).toEqual(["src/util.ts:9 require [parse]"]);
    expect(sitesOf("left-pad")).toEqual(["src/util.ts:13 dynamic [default]"]);
    expect(sitesOf("object-assign")).toEqual(["src/util.ts:14 dynamic [*]"]);
  });

  it("ignores node builtins and relative imports", () => {
    expect(
      [...analysis.packages.keys()].some((n) => n.startsWith("node") || n.startsWith(".")),
    ).toBe(false);
  });
});

describe("classes", () => {
  it("classes each declared dependency by where it is used", () => {
    const classes = Object.fromEntries([...analysis.packages].map(([n, u]) => [n, u.class]));
    expect(classes).toMatchObject({
      lodash: "runtime",
      yaml: "type-only",
      vitest: "test-only",
      "prettier-plugin-x": "config-only",
      "eslint-plugin-react": "config-only",
      "@babel/preset-env": "config-only",
      rimraf: "script-only",
      typescript: "script-only",
      // Their config files imply them, and config outranks scripts.
      eslint: "config-only",
      prettier: "config-only",
      "dead-pkg": "dead-code-only",
      "unused-pkg": "unused",
      "@types/node": "type-only",
      "@types/lodash": "type-only",
      "@types/unused": "unknown",
      axios: "undeclared",
    });
  });

  it("keeps the evidence chain: scripts, config strings, blind spots", () => {
    expect(usage("rimraf").scripts).toEqual(["clean: rimraf dist"]);
    expect(usage("typescript").scripts).toEqual(["build: tsc -p ."]);
    expect(usage("vitest").roles.sort()).toEqual(["script", "test"]);
    expect(usage("prettier-plugin-x").configMentions).toEqual([".prettierrc:1: prettier-plugin-x"]);
    expect(usage("@babel/preset-env").configMentions).toEqual([
      "babel.config.js:1: @babel/preset-env",
    ]);
    expect(usage("prettier").configMentions).toEqual([".prettierrc:1: implied by .prettierrc"]);
    expect(usage("@types/unused").blindSpots[0]?.kind).toBe("ambient-types");
    expect(usage("axios").sites[0]).toMatchObject({ file: "src/util.ts", line: 2, role: "source" });
  });

  it("follows relative imports from the build entry mapped back to src, and finds the dead file", () => {
    expect(analysis.entriesFound).toBe(true);
    expect(analysis.deadFiles).toEqual(["src/orphan.js"]);
    expect(usage("dead-pkg").sites[0]).toMatchObject({ reachable: false, file: "src/orphan.js" });
  });

  it("shows replacements from the module-replacements data", () => {
    expect(usage("left-pad").replacement).toEqual({
      kind: "native",
      replacements: ["String.prototype.padStart"],
    });
    expect(usage("object-assign").replacement?.kind).toBe("native");
    expect(usage("unused-pkg").replacement).toBeNull();
  });
});
