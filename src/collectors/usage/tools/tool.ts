import type { ProjectManifest, SourceFile } from "../analyze-usage.js";

/** What a tool module may read about the project: its files, manifests and declared packages. */
export interface ToolProject {
  files: readonly SourceFile[];
  manifests: readonly ProjectManifest[];
  declared: ReadonlySet<string>;
}

/** A package a tool makes the project use without an import, with where that is written. */
export interface ToolUse {
  name: string;
  file: string;
  line: number;
  /** What names it: `implied by tsconfig.json`, `vitest --coverage`. */
  detail: string;
}

/**
 * One tool's knowledge of how a project uses packages without importing
 * them, after knip's plugin for the same tool (its `enablers`, `config` and
 * what `resolveConfig` reads), written anew:
 * - `configFiles`/`manifestKey`: where its config lives; a config the project
 *   has implies the tool's own package (the first declared `enablers` entry).
 * - `names`: the packages a short name in a config stands for, by the tool's
 *   own naming rules (`plugin:react/x` → `eslint-plugin-react`).
 * - `flags`: packages a command line of the tool loads by a flag
 *   (`vitest --coverage` → a coverage provider).
 * - `uses`: anything else the tool makes the project use.
 * - `entries`: files it runs as the product, from its config.
 * - `commands`: command lines it runs, whose binaries are uses like a script's.
 * - `entryFiles`: files it loads by its own conventions, whatever the package.json
 *   names (VitePress's `.vitepress/theme/index.ts`): production entries.
 */
export interface Tool {
  id: string;
  /** Packages whose declaration says the project uses the tool; the first declared one is implied by a config. */
  enablers: readonly string[];
  configFiles?: RegExp;
  manifestKey?: string;
  names?(value: string): string[];
  /**
   * The files whose strings `names` reads, when its short names are common
   * words (`ts` → `ts-loader`): a string elsewhere (jest's `moduleFileExtensions`)
   * is not this tool's. Without it, any config's strings.
   */
  namesIn?: RegExp;
  /** `words` is one simple command of a script, its binary first; `bin` the package that binary belongs to. */
  flags?(words: readonly string[], bin: string, declared: ReadonlySet<string>): string[];
  uses?(project: ToolProject): ToolUse[];
  /**
   * Files the tool runs as the product, project-relative, with or without an
   * extension (`nest start` runs the config's `src/main`): production entries.
   */
  entries?(project: ToolProject): string[];
  /** Command lines the tool runs (git hooks, lint-staged tasks), read like package.json scripts. */
  commands?(project: ToolProject): ToolCommand[];
  /** Files the tool loads by its own conventions, by path: production entries. */
  entryFiles?: RegExp;
}

/** A command line a tool runs: `.husky/pre-commit: npx lint-staged`. */
export interface ToolCommand {
  /** Where it is written, as the script's name in the evidence: `.husky/pre-commit`. */
  name: string;
  command: string;
  /** The folder it runs in, when not the file's own workspace (a workflow step's `working-directory`). */
  dir?: string;
}

/** The 1-based line of the first place `needle` is written in `text` (1 when it is not). */
export function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) return 1;
  let line = 1;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The first of `names` the project declares, or null. */
export function firstDeclared(
  names: readonly string[],
  declared: ReadonlySet<string>,
): string | null {
  return names.find((n) => declared.has(n)) ?? null;
}

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`, dropping a `plugin:`/`module:` prefix. */
export function packagePart(value: string): string {
  return value.replace(/^(plugin|module):/, "").replace(/^(@[^/]+\/[^/]+|[^@/][^/]*)\/.*$/, "$1");
}

/**
 * The names a short plugin name stands for under a tool's prefix, the way
 * ESLint, Babel, Prettier and commitlint resolve them: `react` →
 * `<prefix>react`, `@scope` → `@scope/<prefix-without-dash>`, `@scope/x` →
 * `@scope/<prefix>x` or `@scope/<prefix-without-dash>` (a config inside it).
 */
export function prefixed(value: string, prefix: string): string[] {
  const name = packagePart(value);
  if (!name.startsWith("@")) return name.startsWith(prefix) ? [name] : [name, prefix + name];
  const [scope, rest] = name.split("/");
  const bare = prefix.replace(/-$/, "");
  if (!rest) return [`${scope}/${bare}`];
  // `plugin:@scope/recommended` is a config of the plugin `@scope/eslint-plugin`.
  return [name, `${scope}/${bare}`, `${scope}/${prefix}${rest}`];
}

/**
 * The command lines of a table whose values are each a command or a list of
 * them (lint-staged's globs, release-it's hooks), under `name`.
 */
export function commandTable(table: unknown, name: string, out: ToolCommand[]): void {
  if (!table || typeof table !== "object" || Array.isArray(table)) return;
  for (const value of Object.values(table)) {
    for (const command of Array.isArray(value) ? value : [value])
      if (typeof command === "string") out.push({ name, command });
  }
}
