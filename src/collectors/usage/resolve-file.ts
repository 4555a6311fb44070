import path from "node:path";

/** The extensions tried, in the order TypeScript and bundlers try them. */
const tryExtensions = [
  ".ts",
  ".tsx",
  ".mts",
  ".cts",
  ".js",
  ".jsx",
  ".mjs",
  ".cjs",
  ".vue",
  ".svelte",
];

/** TypeScript's ESM convention: `./a.js` in source names `./a.ts`. */
const sourceTwins: Record<string, string[]> = {
  ".js": [".ts", ".tsx"],
  ".jsx": [".tsx"],
  ".mjs": [".mts"],
  ".cjs": [".cts"],
};

/**
 * The project file a relative specifier names, or null: the exact path, with
 * an extension added, its TypeScript twin, or the folder's index file.
 * `target` is `/`-separated and relative to the project root.
 */
export function resolveProjectFile(target: string, files: ReadonlySet<string>): string | null {
  const base = path.posix.normalize(target).replace(/^\.\//, "").replace(/\/$/, "");
  if (base.startsWith("..")) return null;
  if (files.has(base)) return base;
  const ext = path.posix.extname(base);
  for (const twin of sourceTwins[ext] ?? []) {
    const candidate = base.slice(0, -ext.length) + twin;
    if (files.has(candidate)) return candidate;
  }
  for (const e of tryExtensions) if (files.has(base + e)) return base + e;
  for (const e of tryExtensions) if (files.has(`${base}/index${e}`)) return `${base}/index${e}`;
  return null;
}

/** Resolves `specifier` written in `fromFile`. */
export function resolveRelative(
  fromFile: string,
  specifier: string,
  files: ReadonlySet<string>,
): string | null {
  const clean = specifier.replace(/[?#].*$/, "");
  const target = clean.startsWith("/")
    ? clean.slice(1)
    : path.posix.join(path.posix.dirname(fromFile), clean);
  return resolveProjectFile(target, files);
}
