/**
 * What the project's own code does with each dependency: where it imports it,
 * which symbols it reaches, and whether those files run in production, only in
 * tests, only in config, only from package.json scripts, or never.
 */

/** How an import is written; kept so a reason can say "require" or "dynamic import". */
export type ImportKind =
  | "import"
  | "side-effect"
  | "require"
  | "require-resolve"
  | "dynamic"
  | "re-export"
  | "import-equals"
  | "type-import"
  /** `@use`/`@import` in a stylesheet, `url(~pkg/…)`: a use without a JS import. */
  | "stylesheet";

/** One place the project's code names a package. */
export interface ImportSite {
  /** Project-relative, `/`-separated. */
  file: string;
  /** As written (`lodash/get`): the subpath decides which entry of the package is loaded. */
  specifier?: string;
  line: number;
  kind: ImportKind;
  /** Imported names; `default`, `*` (the whole namespace), or a member reached through them (`get`). */
  symbols: string[];
  /** `import type`, `import { type X }`, a `.d.ts` file or `typeof import("x")`: erased at build time. */
  typeOnly: boolean;
}

/**
 * Where a file sits in the project, which decides what its imports mean:
 * `script` is a file only build, lint or release scripts run (tooling).
 */
export type FileRole = "source" | "test" | "config" | "script";

/** A site with the facts about its file the classification needs. */
export interface UsageSite extends ImportSite {
  role: FileRole;
  /** False for a source file no entry point reaches. */
  reachable: boolean;
}

/**
 * Something jenga could not read, which may hide a use: a computed specifier,
 * a file that does not parse, a file skipped for size, the file cap, a
 * tsconfig `extends` jenga would not or could not follow.
 * `candidates` names the packages it may hide (`cond ? "a" : "b"`), `prefix` a
 * name prefix (`plugin-${x}`); neither means it may hide any package.
 */
export interface BlindSpot {
  file: string;
  line: number;
  kind:
    | "computed-specifier"
    | "parse-error"
    | "too-large"
    | "file-cap"
    | "ambient-types"
    | "peer-requirement"
    | "unread-config";
  detail: string;
  /** For a project file that does not parse: the parser's message, shortened (`unexpected token`). */
  message?: string;
  candidates?: string[];
  prefix?: string;
  /** For a `peer-requirement`: the used package that may load it. */
  by?: string;
}

export type UsageClass =
  | "runtime"
  | "type-only"
  | "test-only"
  | "config-only"
  | "script-only"
  | "dead-code-only"
  | "unused"
  | "unknown"
  | "undeclared";

/** A replacement the e18e module-replacements data lists for the package. */
export interface Replacement {
  kind: "native" | "micro-utility" | "preferred";
  /** Replacement ids (`Array.prototype.includes`, `es-toolkit`) or a snippet's description. */
  replacements: string[];
}

export interface UsageEvidence {
  name: string;
  class: UsageClass;
  /** How the package is declared by the projects that declare it; empty when undeclared. */
  declaredAs: Array<"prod" | "dev" | "optional" | "peer">;
  /** Every role it is used in (a package used in tests and config has both). */
  roles: Array<"runtime" | "types" | "test" | "config" | "script" | "dead-code">;
  sites: UsageSite[];
  /** Distinct symbols used at runtime or in types, sorted. */
  symbols: string[];
  /** Package.json scripts that run one of its binaries: `test: vitest run`. */
  scripts: string[];
  /** Config strings that name it: `.prettierrc: prettier-plugin-x`. */
  configMentions: string[];
  blindSpots: BlindSpot[];
  replacement: Replacement | null;
  /**
   * A monorepo's workspaces (folders relative to the project root, "" for the
   * root) that declare it without using it while another uses it, and that use
   * it without declaring it while another declares it (hoisting hides that
   * until an install stops hoisting or the workspace is published). Absent
   * when they agree.
   */
  misplaced?: { declaredNotUsed: string[]; usedNotDeclared: string[] };
  /**
   * True when all its production code runs in a browser: every reached runtime
   * import is in code a web page of the project loads (index.html → src/main.ts →
   * …). A Node API is then no replacement for it.
   */
  browserOnly?: true;
  /** Used packages that load it as their peer dependency: the project declares it for them. */
  loadedBy?: string[];
  /**
   * For an `@types/x` package: `x`, when `x` ships its own declarations, which
   * TypeScript takes before `@types/x`: the `@types` package is never loaded
   * for an import (the registry deprecates such packages as stubs).
   */
  typesShippedBy?: string;
  /** How much of the installed package is used; absent when nothing imports it. */
  footprint?: PackageFootprint;
}

/**
 * How much of the installed package the project's imports reach: its public
 * API and its code. Measured from the package in the nearest `node_modules`
 * above the importing file, as Node would load it; when it is not installed,
 * from the registry tarball of the version the lockfile resolved (a caveat
 * then says so).
 */
export interface PackageFootprint {
  /**
   * `ok`, or why nothing was measured: `not installed: used fraction unknown
   * (…)` (no lockfile version, no registry, not a registry dependency),
   * `not installed: not in the cache (offline)`, `tarball unavailable: …`
   * (404, integrity mismatch, timeout, too large), `tarball unreadable: …`
   * (not a gzip tarball, no package.json), `unreadable: …`.
   */
  status: string;
  version: string | null;
  /** Each used subpath and the file it resolves to (`./get → get.js`); null when it does not resolve. */
  entries: Array<{ subpath: string; file: string | null }>;
  /** Public exports used ÷ public exports; null with `exportsUnknown` saying why. */
  exports: { used: string[]; total: number; names: number } | null;
  exportsUnknown?: string;
  /** The JS files the used entries reach (relative imports followed) ÷ every shipped .js/.cjs/.mjs file. */
  code: {
    usedFiles: number;
    totalFiles: number;
    usedBytes: number;
    totalBytes: number;
    usedLines: number;
    totalLines: number;
  } | null;
  /** Packages the reached code imports (bare specifiers), and the package's `dependencies`. */
  dependencies: { reached: string[]; declared: string[] } | null;
  /** What may make the numbers wrong: a file too large to parse, the file cap, an import path computed at run time. */
  caveats: string[];
}
