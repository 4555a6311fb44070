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

/**
 * Folders that hold no shipped code: tests, examples, docs, benchmarks, tooling, and
 * built copies of the sources (counting `dist/` beside `src/` would count the code twice).
 * "Finished" and "real work to replace" are about the code a user depends on.
 */
const notSourceFolders = new Set([
  "test",
  "tests",
  "__tests__",
  "spec",
  "specs",
  "__mocks__",
  "fixtures",
  "__fixtures__",
  "example",
  "examples",
  "demo",
  "demos",
  "doc",
  "docs",
  "benchmark",
  "benchmarks",
  "bench",
  "coverage",
  "dist",
  "build",
  "node_modules",
]);

/** Test files beside the code, and tool configuration (`webpack.config.js`, `Gruntfile.js`). */
const notSourceFile =
  /(\.|_)(test|spec|bench)\.[a-z]+$|\.config\.[a-z]+$|^(gruntfile|gulpfile|jakefile|karma\.conf|rollup\.conf)\b/i;

/** `path` as `git ls-tree` prints it: quoted (with C escapes) when it has unusual characters. */
export function isSourceFile(path: string): boolean {
  const name = path.startsWith('"') && path.endsWith('"') ? path.slice(1, -1) : path;
  const dot = name.lastIndexOf(".");
  if (dot < 0 || dot < name.lastIndexOf("/")) return false;
  if (!sourceExtensions.has(name.slice(dot + 1).toLowerCase())) return false;
  const segments = name.split("/");
  const file = segments.pop() ?? "";
  // Dotfiles (`.eslintrc.js`) and files in dot-folders (`.github/`) are tooling.
  if (
    file.startsWith(".") ||
    segments.some((s) => s.startsWith(".") || notSourceFolders.has(s.toLowerCase()))
  )
    return false;
  return !notSourceFile.test(file);
}
