import path from "node:path";

/** The conditions Node matches for `import` and for `require` (the `node` platform, no user conditions). */
export const importConditions = ["import", "node", "default"] as const;
export const requireConditions = ["require", "node", "default"] as const;
/** TypeScript's: the `types` condition wins, then what the runtime would load. */
export const typesConditions = ["types", "import", "node", "default"] as const;

/**
 * The target of `subpath` (`.`, `./get`) in a package.json `exports` field, as
 * Node resolves it: an exact key first, else the `*` pattern (or legacy `./dir/`
 * folder key) with the longest prefix, then the first condition that matches in
 * the target's own key order. Null when the map hides the subpath (`null`
 * target, no key): Node throws ERR_PACKAGE_PATH_NOT_EXPORTED there.
 */
export function resolveExports(
  exportsField: unknown,
  subpath: string,
  conditions: readonly string[],
): string | null {
  const map = subpathMap(exportsField);
  return map ? resolveInMap(map, subpath, conditions) : null;
}

/** A `#name` specifier through the package's `imports` field, which takes the same patterns and conditions. */
export function resolveImports(
  importsField: unknown,
  specifier: string,
  conditions: readonly string[],
): string | null {
  if (!importsField || typeof importsField !== "object" || Array.isArray(importsField)) return null;
  return resolveInMap(importsField as Record<string, unknown>, specifier, conditions);
}

function resolveInMap(
  map: Record<string, unknown>,
  subpath: string,
  conditions: readonly string[],
): string | null {
  if (Object.hasOwn(map, subpath) && !subpath.includes("*")) {
    return conditionalTarget(map[subpath], conditions, null);
  }
  let best: { key: string; match: string } | null = null;
  for (const key of Object.keys(map)) {
    const star = key.indexOf("*");
    if (star >= 0) {
      const prefix = key.slice(0, star);
      const suffix = key.slice(star + 1);
      if (
        subpath.startsWith(prefix) &&
        subpath.endsWith(suffix) &&
        subpath.length >= key.length &&
        (!best || prefix.length > best.key.indexOf("*"))
      ) {
        best = { key, match: subpath.slice(prefix.length, subpath.length - suffix.length) };
      }
    } else if (key.endsWith("/") && subpath.startsWith(key) && !best) {
      best = { key: `${key}*`, match: subpath.slice(key.length) };
    }
  }
  if (!best) return null;
  const target = map[best.key] ?? map[best.key.slice(0, -1)];
  return conditionalTarget(target, conditions, best.match);
}

/** `"./x.js"`, `["./x.js"]` or a condition object all mean the `.` entry. */
function subpathMap(value: unknown): Record<string, unknown> | null {
  if (typeof value === "string" || Array.isArray(value)) return { ".": value };
  if (!value || typeof value !== "object") return null;
  const keys = Object.keys(value);
  if (keys.length > 0 && keys.every((k) => !k.startsWith("."))) return { ".": value };
  return value as Record<string, unknown>;
}

function conditionalTarget(
  target: unknown,
  conditions: readonly string[],
  match: string | null,
): string | null {
  if (typeof target === "string") {
    if (!target.startsWith("./")) return null;
    if (match === null) return target;
    // A legacy folder key (`"./dir/": "./lib/"`) appends the rest of the subpath.
    return target.includes("*") ? target.replaceAll("*", match) : `${target}${match}`;
  }
  if (Array.isArray(target)) {
    for (const t of target) {
      const found = conditionalTarget(t, conditions, match);
      if (found) return found;
    }
    return null;
  }
  if (!target || typeof target !== "object") return null;
  for (const [key, value] of Object.entries(target)) {
    if (!conditions.includes(key)) continue;
    const found = conditionalTarget(value, conditions, match);
    if (found) return found;
  }
  return null;
}

/** The extensions Node's `require` tries, plus the ESM ones a bundler-era package may omit. */
const jsExtensions = [".js", ".cjs", ".mjs", ".json"];
const dtsExtensions = [".d.ts", ".d.mts", ".d.cts"];

/**
 * The shipped file a package-relative target names: exact, with an extension,
 * or the folder's `index` (`package.json` folders beyond the root are rare
 * enough to skip). For declarations, `./x.js` also names `./x.d.ts`.
 */
export function resolvePackageFile(
  target: string,
  files: ReadonlySet<string>,
  declarations = false,
): string | null {
  const base = path.posix.normalize(target).replace(/^\.\//, "").replace(/\/$/, "");
  if (base.startsWith("..") || base === "")
    return declarations ? pick("index", dtsExtensions, files) : pick("index", jsExtensions, files);
  const exts = declarations ? dtsExtensions : jsExtensions;
  if (files.has(base) && (!declarations || /\.d\.[cm]?ts$/.test(base))) return base;
  const stem = declarations ? base.replace(/\.([cm]?)js$/, "") : base;
  return pick(stem, exts, files) ?? pick(`${stem}/index`, exts, files);
}

function pick(stem: string, exts: readonly string[], files: ReadonlySet<string>): string | null {
  for (const e of exts) if (files.has(stem + e)) return stem + e;
  return null;
}

/**
 * The file a used subpath loads: through `exports` when the package has it
 * (Node ignores `main` then), else `module` (bundlers, for `import`) or `main`
 * or `index.js` for the root, and the path itself for a deep import.
 */
export function entryFile(
  manifest: Record<string, unknown>,
  subpath: string,
  conditions: readonly string[],
  files: ReadonlySet<string>,
): string | null {
  if (manifest.exports !== undefined && manifest.exports !== null) {
    const target = resolveExports(manifest.exports, subpath, conditions);
    return target ? resolvePackageFile(target, files) : null;
  }
  if (subpath !== ".") return resolvePackageFile(subpath, files);
  const fields = conditions.includes("import") ? [manifest.module, manifest.main] : [manifest.main];
  for (const field of fields) {
    if (typeof field !== "string") continue;
    const found = resolvePackageFile(field, files);
    if (found) return found;
  }
  return resolvePackageFile("./index.js", files);
}

/** The declaration file for the root entry: `exports`' `types` condition, `types`/`typings`, or the JS entry's twin. */
export function typesFile(
  manifest: Record<string, unknown>,
  files: ReadonlySet<string>,
): string | null {
  const fromExports =
    manifest.exports !== undefined ? resolveExports(manifest.exports, ".", typesConditions) : null;
  for (const candidate of [fromExports, manifest.types, manifest.typings]) {
    if (typeof candidate !== "string") continue;
    const found = resolvePackageFile(candidate, files, true);
    if (found) return found;
  }
  const js = entryFile(manifest, ".", requireConditions, files);
  return js ? resolvePackageFile(js, files, true) : resolvePackageFile("./index", files, true);
}
