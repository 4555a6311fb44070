import type { FileImports } from "./extract-imports.js";
import { fileRole } from "./file-role.js";
import { resolveRelative } from "./resolve-file.js";
import type { FileRole } from "./types.js";

export interface Reachability {
  /** Files some entry point, test or config file reaches. */
  reachable: Set<string>;
  /** Source files nothing reaches. */
  dead: string[];
  /** False when some package.json names no entry jenga found (its files all count as reached). */
  entriesFound: boolean;
  /** The role a file's imports play: production code, tests, config. */
  roleOf(file: string): FileRole;
}

/** The project file a specifier written in a file names, or null. */
export type ResolveFile = (fromFile: string, specifier: string) => string | null;

type EntryPoints = (
  dir: string,
  manifest: Record<string, unknown>,
  files: ReadonlySet<string>,
) => string[];

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
): Reachability {
  const files = new Set(parsed.keys());
  const resolve: ResolveFile =
    resolveFile ??
    ((from, specifier) =>
      /^[./]/.test(specifier) ? resolveRelative(from, specifier, files) : null);
  // Declaration files are loaded by the compiler, never imported: always reached.
  const prodEntries = [...files].filter((f) => /\.d\.[cm]?ts$/.test(f));
  let entriesFound = true;
  for (const m of manifests) {
    const entries = findEntries(m.dir, m.data, files);
    if (entries.length > 0) prodEntries.push(...entries);
    else {
      entriesFound = false;
      const prefix = m.dir === "" ? "" : `${m.dir}/`;
      prodEntries.push(
        ...[...files].filter((f) => f.startsWith(prefix) && fileRole(f) === "source"),
      );
    }
  }
  const byRole = (role: FileRole) => [...files].filter((f) => fileRole(f) === role);
  const prod = closure(prodEntries, parsed, resolve);
  const test = closure(byRole("test"), parsed, resolve);
  const config = closure(byRole("config"), parsed, resolve);
  const reachable = new Set([...prod, ...test, ...config]);
  return {
    reachable,
    dead: [...files].filter((f) => !reachable.has(f)).sort(),
    entriesFound,
    roleOf(file) {
      const own = fileRole(file);
      if (own !== "source" || prod.has(file)) return own;
      if (test.has(file)) return "test";
      if (config.has(file)) return "config";
      return "source";
    },
  };
}

function closure(
  entries: readonly string[],
  parsed: ReadonlyMap<string, FileImports>,
  resolve: ResolveFile,
): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const raw of parsed.get(file)?.imports ?? []) {
      const target = resolve(file, raw.specifier);
      if (target && !seen.has(target)) queue.push(target);
    }
  }
  return seen;
}
