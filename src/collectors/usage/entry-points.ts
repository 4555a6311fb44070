import path from "node:path";
import { resolveProjectFile } from "./resolve-file.js";

/** Folders builds write to; an entry there is mapped back to the source that builds it. */
const outputFolders = /^(dist|build|lib|out|\.build|esm|cjs)\//;

/** Script commands that run a file directly. */
const fileRunners = new Set([
  "node",
  "tsx",
  "ts-node",
  "bun",
  "deno",
  "babel-node",
  "esno",
  "jiti",
]);

/**
 * The project files a package.json starts from: `main`, `module`, `browser`,
 * every path in `exports` and `bin`, and files run by its scripts (`node x.js`).
 * An entry in a build folder (`dist/cli.js`) also tries `src/cli.ts`.
 */
export function entryPoints(
  dir: string,
  manifest: Record<string, unknown>,
  files: ReadonlySet<string>,
): string[] {
  const named: string[] = [];
  for (const key of ["main", "module", "browser"]) {
    if (typeof manifest[key] === "string") named.push(manifest[key]);
  }
  collectStrings(manifest.exports, named);
  collectStrings(manifest.bin, named);
  for (const command of Object.values(stringRecord(manifest.scripts))) {
    named.push(...scriptFiles(command));
  }
  const found = new Set<string>();
  for (const entry of named) {
    const file = resolveEntry(path.posix.join(dir, entry), dir, files);
    if (file) found.add(file);
  }
  return [...found];
}

function resolveEntry(target: string, dir: string, files: ReadonlySet<string>): string | null {
  const direct = resolveProjectFile(target, files);
  if (direct) return direct;
  const inside = path.posix.relative(dir, path.posix.normalize(target));
  if (!outputFolders.test(inside)) return null;
  const rest = inside.replace(outputFolders, "").replace(/\.(d\.)?[cm]?[jt]s$/, "");
  return resolveProjectFile(path.posix.join(dir, "src", rest), files);
}

function collectStrings(value: unknown, out: string[]): void {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) collectStrings(v, out);
  else if (typeof value === "object" && value !== null) {
    for (const v of Object.values(value)) collectStrings(v, out);
  }
}

/** `node --import tsx scripts/build.js && tsx src/x.ts` → the files run. */
function scriptFiles(command: string): string[] {
  const out: string[] = [];
  for (const words of commandWords(command)) {
    if (!fileRunners.has(words[0] ?? "")) continue;
    const file = words.slice(1).find((w, i, all) => !w.startsWith("-") && !isFlagValue(all, i));
    if (file && /\.[cm]?[jt]sx?$/.test(file)) out.push(file);
  }
  return out;
}

function isFlagValue(words: string[], i: number): boolean {
  const previous = words[i - 1];
  return (
    previous !== undefined &&
    /^(-r|--require|--import|--loader|--experimental-loader)$/.test(previous)
  );
}

/** A script split into its simple commands, each as words, env assignments dropped. */
export function commandWords(command: string): string[][] {
  return command
    .split(/&&|\|\||[;|&\n]/)
    .map((part) =>
      part
        .trim()
        .split(/\s+/)
        .map((w) => w.replace(/^["']|["']$/g, ""))
        .filter((w) => w !== ""),
    )
    .map((words) => {
      let i = 0;
      while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i] as string)) i++;
      return words.slice(i);
    })
    .filter((words) => words.length > 0);
}

export function stringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) return out;
  for (const [k, v] of Object.entries(value)) if (typeof v === "string") out[k] = v;
  return out;
}
