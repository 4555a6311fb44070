import path from "node:path";
import { resolveProjectFile } from "./resolve-file.js";

/**
 * The module aliases of one tsconfig.json or jsconfig.json, its `extends`
 * chain applied, with every path made project-relative: `baseUrl` and
 * `paths` (`"@/*": ["src/*"]`).
 */
export interface PathAliases {
  /** The config's folder, project-relative (`""` for the root): it applies to the files below. */
  dir: string;
  /** Where bare specifiers are looked up before node_modules; null without `baseUrl`. */
  baseUrl: string | null;
  /** In the config's order; each target project-relative, `*` kept. */
  paths: Array<{ pattern: string; targets: string[] }>;
}

/**
 * What an alias makes of a specifier: a project file, `project` (the alias
 * points into the project but at no file jenga read: an asset, a generated
 * file), or null (no alias applies, or it points into node_modules: a
 * package after all).
 */
export type AliasTarget = { file: string } | "project" | null;

/** The aliases that apply to `file`: those of the nearest config folder above it. */
export function aliasesFor(file: string, all: readonly PathAliases[]): PathAliases | null {
  let best: PathAliases | null = null;
  for (const a of all) {
    const inside = a.dir === "" || file.startsWith(`${a.dir}/`);
    if (inside && (!best || a.dir.length > best.dir.length)) best = a;
  }
  return best;
}

/**
 * Resolves a bare specifier as TypeScript does: `paths` first (an exact
 * pattern, else the wildcard pattern with the longest prefix; its targets
 * tried in order), then `baseUrl`. A `baseUrl` lookup that finds no file is
 * no alias: `import "react"` with `baseUrl: "src"` is still the package.
 */
export function resolveAlias(
  specifier: string,
  aliases: PathAliases,
  files: ReadonlySet<string>,
): AliasTarget {
  const match = matchPattern(specifier, aliases.paths);
  if (match) {
    const targets = match.entry.targets.map((t) => t.replace("*", match.star));
    for (const target of targets) {
      const file = resolveProjectFile(target, files);
      if (file) return { file };
    }
    // `"*": ["types/*"]` catches every specifier: unresolved, it falls through as in TypeScript.
    const catchAll = match.entry.pattern === "*";
    const intoPackages = targets.every((t) => t.split("/").includes("node_modules"));
    if (!catchAll && !intoPackages) return "project";
  }
  if (aliases.baseUrl !== null) {
    const file = resolveProjectFile(path.posix.join(aliases.baseUrl, specifier), files);
    if (file) return { file };
  }
  return null;
}

/** True when `prefix` (the literal start of a computed specifier) can only match a `paths` alias. */
export function isAliasPrefix(prefix: string, aliases: PathAliases): boolean {
  return aliases.paths.some(({ pattern }) => {
    if (pattern === "*") return false;
    const head = pattern.split("*")[0] as string;
    return head !== "" && prefix.startsWith(head);
  });
}

function matchPattern(
  specifier: string,
  paths: PathAliases["paths"],
): { entry: PathAliases["paths"][number]; star: string } | null {
  const exact = paths.find((p) => p.pattern === specifier);
  if (exact) return { entry: exact, star: "" };
  let best: { entry: PathAliases["paths"][number]; star: string; prefix: number } | null = null;
  for (const entry of paths) {
    const parts = entry.pattern.split("*");
    if (parts.length !== 2) continue;
    const [head, tail] = parts as [string, string];
    const fits =
      specifier.length >= head.length + tail.length &&
      specifier.startsWith(head) &&
      specifier.endsWith(tail);
    if (fits && (!best || head.length > best.prefix)) {
      best = {
        entry,
        star: specifier.slice(head.length, specifier.length - tail.length),
        prefix: head.length,
      };
    }
  }
  return best;
}
