/**
 * Which files at HEAD count as source code: by extension, since a blobless
 * clone has no contents to look at. Docs, fixtures, images and lockfiles say
 * little about how much code someone adopting or rewriting the package takes on.
 */
const sourceExtensions = new Set([
  // JavaScript and what compiles to it.
  "js",
  "mjs",
  "cjs",
  "jsx",
  "ts",
  "mts",
  "cts",
  "tsx",
  "coffee",
  "vue",
  "svelte",
  // Native addons and WebAssembly sources found in npm packages.
  "c",
  "cc",
  "cpp",
  "cxx",
  "h",
  "hh",
  "hpp",
  "rs",
  "go",
  "zig",
]);

/** `path` as `git ls-tree` prints it: quoted (with C escapes) when it has unusual characters. */
export function isSourceFile(path: string): boolean {
  const name = path.startsWith('"') && path.endsWith('"') ? path.slice(1, -1) : path;
  const dot = name.lastIndexOf(".");
  if (dot < 0 || dot < name.lastIndexOf("/")) return false;
  return sourceExtensions.has(name.slice(dot + 1).toLowerCase());
}
