import { pushAll } from "../../util/extremes.js";
import type { EntryUse } from "./entry-points.js";
import type { FileImports } from "./extract-imports.js";
import { fileRole } from "./file-role.js";
import { resolveRelative } from "./resolve-file.js";
import type { FileRole } from "./types.js";
import { workspaceOwner } from "./workspaces.js";

export interface Reachability {
  /** Files some entry point, test or config file reaches. */
  reachable: Set<string>;
  /** Source files nothing reaches. */
  dead: string[];
  /** False when some package.json names no entry jenga found (its files all count as reached). */
  entriesFound: boolean;
  /** The role a file's imports play: production code, tests, config. */
  roleOf(file: string): FileRole;
  /** Files a web page loads, and what they import: code that runs in a browser. */
  browser: Set<string>;
}

/** The project file a specifier written in a file names, or null. */
export type ResolveFile = (fromFile: string, specifier: string) => string | null;

type EntryPoints = (
  dir: string,
  manifest: Record<string, unknown>,
  files: ReadonlySet<string>,
) => Record<EntryUse, string[]>;

/**
 * Follows relative imports from three kinds of entry: package.json entries
 * (production), test files, config files. A source file reached only from tests
 * is test code; one nothing reaches is dead. A package without a known entry
 * (an app started some other way) has every source file counted as reached,
 * since calling it all dead would be a guess. `resolveFile` also follows
 * aliases (tsconfig `paths`, `#imports`); without it, relative imports only.
 */
export function reachableFiles(
  parsed: ReadonlyMap<string, FileImports>,
  manifests: readonly { dir: string; data: Record<string, unknown> }[],
  findEntries: EntryPoints,
  resolveFile?: ResolveFile,
  /** Entries the user names in the config (`usage.entry`): production code. */
  extraEntries: readonly string[] = [],
): Reachability {
  const files = new Set(parsed.keys());
  const resolve: ResolveFile =
    resolveFile ??
    ((from, specifier) =>
      /^[./]/.test(specifier) ? resolveRelative(from, specifier, files) : null);
  // Declaration files are loaded by the compiler, never imported: always reached.
  // So are web pages: the browser loads them, and they load the app (vite, parcel).
  const prodEntries = [...files].filter((f) => /\.d\.[cm]?ts$|\.html$/.test(f));
  pushAll(
    prodEntries,
    extraEntries.filter((f) => files.has(f)),
  );
  const toolingEntries: string[] = [];
  const testEntries: string[] = [];
  let entriesFound = true;
  const ownerOf = workspaceOwner(manifests.map((m) => m.dir));
  const found = manifests.map((m) => ({ dir: m.dir, entries: findEntries(m.dir, m.data, files) }));
  for (const { entries } of found) {
    pushAll(toolingEntries, entries.tooling);
    pushAll(testEntries, entries.test);
  }
  const byRole = (role: FileRole) => [...files].filter((f) => fileRole(f) === role);
  const config = closure(byRole("config"), parsed, resolve, null);
  const tooling = closure(toolingEntries, parsed, resolve, null);
  // A source file a config or a build script imports is their code (a Vite config's
  // `build/plugins.ts`), not an entry of its own when every file stands in for the entries.
  const toolsOwn = new Set([...config, ...tooling]);
  for (const { dir, entries } of found) {
    if (entries.runtime.length > 0) {
      pushAll(prodEntries, entries.runtime);
      continue;
    }
    // No file named as production code (only build or test scripts name files, or none
    // does): what runs is unknown, so nothing is dead. Only this package's own files: a
    // monorepo root names no entry, and taking every file below it would call nothing in
    // any workspace dead.
    entriesFound = false;
    pushAll(
      prodEntries,
      [...files].filter(
        (f) =>
          ownerOf(f) === dir &&
          fileRole(f) === "source" &&
          !toolsOwn.has(f) &&
          !entries.test.includes(f),
      ),
    );
  }
  pushAll(testEntries, byRole("test"));
  // What a tool's config names by path is what the tool runs: a bundler's
  // entries (`entryPoints: ['./src/main.ts']`, an index.html) are production
  // code, a test runner's setup files are test code.
  // A config's own imports (`./build/plugins`) are config code, not what the tool runs.
  for (const file of config) {
    if (fileRole(file) !== "config") continue;
    const named = writtenPaths(file, parsed, files, importsOf(file, parsed));
    pushAll(testRunnerConfig.test(file) ? testEntries : prodEntries, named);
  }
  // A build script's imports are tooling, but the files it names by path are what it
  // builds (`entryPoints: ["./src/worker.js"]`): production code, like a bundler config's.
  for (const file of tooling)
    pushAll(prodEntries, writtenPaths(file, parsed, files, importsOf(file, parsed)));
  const prod = closure(prodEntries, parsed, resolve, files);
  const test = closure(testEntries, parsed, resolve, files);
  const reachable = new Set([...prod, ...test, ...tooling, ...config]);
  const pages = [...files].filter((f) => /\.html$/.test(f));
  return {
    reachable,
    browser: closure(pages, parsed, resolve, files),
    dead: [...files].filter((f) => !reachable.has(f)).sort(),
    entriesFound,
    roleOf(file) {
      const own = fileRole(file);
      if (own !== "source" || prod.has(file)) return own;
      if (test.has(file)) return "test";
      if (tooling.has(file)) return "script";
      if (config.has(file)) return "config";
      return "source";
    },
  };
}

function closure(
  entries: readonly string[],
  parsed: ReadonlyMap<string, FileImports>,
  resolve: ResolveFile,
  files: ReadonlySet<string> | null,
): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const imports = parsed.get(file);
    for (const raw of imports?.imports ?? []) {
      const target = resolve(file, raw.specifier);
      if (target && !seen.has(target)) queue.push(target);
    }
    // A relative path to a project file written as a string loads it too: a
    // script that builds `entryPoints: ['./src/main.ts']`, a worker or preload
    // script handed to Electron by path. Config files' paths are entries of
    // their own (see above), so the config closure does not follow them.
    if (files) for (const target of writtenPaths(file, parsed, files)) queue.push(target);
  }
  return seen;
}

/** Config files of test runners, whose named files (`setupFiles`) are test code. */
const testRunnerConfig = /(^|\/)(vitest|jest|playwright|cypress|karma|ava|mocha)[^/]*$|\.mocharc/;

/** The project files a file names by a relative path in a string (`"./src/main.ts"`). */
function importsOf(file: string, parsed: ReadonlyMap<string, FileImports>): Set<string> {
  return new Set(parsed.get(file)?.imports.map((raw) => raw.specifier));
}

function writtenPaths(
  file: string,
  parsed: ReadonlyMap<string, FileImports>,
  files: ReadonlySet<string>,
  /** Strings that are the file's own import specifiers, to leave out. */
  imported: ReadonlySet<string> = new Set(),
): string[] {
  const out: string[] = [];
  for (const written of parsed.get(file)?.strings ?? []) {
    if (!written.startsWith("./") && !written.startsWith("../")) continue;
    if (imported.has(written)) continue;
    const target = resolveRelative(file, written, files);
    if (target && target !== file) out.push(target);
  }
  return out;
}
