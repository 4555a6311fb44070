import path from "node:path";
import { pushAll } from "../../util/extremes.js";
import { resolveProjectFile } from "./resolve-file.js";
import { scriptCommands } from "./script-commands.js";

/** Folders builds write to; an entry there is mapped back to the source that builds it. */
const outputFolders = /^(dist|build|lib|out|\.build|esm|cjs)\//;

/** Node's flags that take the next word as their value: `node -r esbuild-register x.ts`. */
const nodeValueFlags = ["-r", "--require", "--import", "--loader", "--experimental-loader", "-C"];

/**
 * Script commands that run a file directly, with their flags that take a
 * value (so `ts-node -P tsconfig.json x.ts` runs x.ts, not tsconfig.json).
 * The file argument is the first code file among the other words, which
 * also finds it after a subcommand (`tsx watch x.ts`, `bun run x.ts`).
 */
const fileRunners: Record<string, readonly string[]> = {
  node: nodeValueFlags,
  tsx: [...nodeValueFlags, "--tsconfig"],
  "ts-node": [...nodeValueFlags, "-P", "--project", "-O", "--compiler-options"],
  "ts-node-esm": [...nodeValueFlags, "-P", "--project", "-O", "--compiler-options"],
  bun: ["-r", "--preload", "--cwd"],
  deno: ["--config", "-c", "--import-map"],
  "babel-node": [...nodeValueFlags, "--config-file", "--presets", "--plugins"],
  esno: nodeValueFlags,
  jiti: [],
  // esbuild-runner's binary.
  esr: [],
  "vite-node": ["-r", "--root", "-c", "--config"],
  "sucrase-node": [],
  electron: nodeValueFlags,
  nodemon: ["-w", "--watch", "-e", "--ext", "-i", "--ignore", "-x", "--exec", "--delay"],
};

/** Flags after which the code is a string, not a file: `node -e "..."`. */
const evalFlags = new Set(["-e", "--eval", "-p", "--print"]);

/** What running an entry serves: the product, the project's tooling (build, lint, release), or its tests. */
export type EntryUse = "runtime" | "tooling" | "test";

/**
 * Scripts that build, check, release or document the project rather than
 * run it, by npm's naming habits (`build`, `build:css`, `prebuild`, `lint`,
 * `release`...): a file only they run is tooling, and what it imports is
 * too. `test`, `e2e`, `coverage` and `bench` scripts run tests. Any other
 * script (`start`, `dev`, `serve`, `worker`) may run the product.
 */
const toolingScript =
  /^(build|compile|bundle|lint|format|fmt|check|typecheck|types|release|publish|prepublish(only)?|prepack|postpack|prepare|version|docs?|gen(erate)?|codegen|clean|changelog|analy[sz]e|size|deploy|storybook|precommit|postinstall|setup)([:._-].*)?$/i;
const testScript = /^(test|tests|e2e|coverage|bench|benchmark|cypress|playwright)([:._-].*)?$/i;

export function scriptUse(name: string): EntryUse {
  const bare = name.replace(/^(pre|post)(?=[a-z])/i, "");
  if (testScript.test(name) || testScript.test(bare)) return "test";
  if (toolingScript.test(name) || toolingScript.test(bare)) return "tooling";
  return "runtime";
}

/**
 * The project files a package.json starts from, by what they serve:
 * `main`, `module`, `browser`, every path in `exports` and `bin` and files
 * run by product scripts are runtime; files run by build and test scripts
 * (`node scripts/build.mjs`) are tooling and tests. A file both name is
 * runtime. An entry in a build folder (`dist/cli.js`) also tries `src/cli.ts`.
 */
export function entryPointsByUse(
  dir: string,
  manifest: Record<string, unknown>,
  files: ReadonlySet<string>,
): Record<EntryUse, string[]> {
  const named = namedEntries(manifest);
  const found: Record<EntryUse, Set<string>> = {
    runtime: new Set(),
    tooling: new Set(),
    test: new Set(),
  };
  for (const use of ["runtime", "test", "tooling"] as const) {
    for (const entry of named[use]) {
      const file = resolveEntry(path.posix.join(dir, entry), dir, files);
      if (file && (use === "runtime" || !found.runtime.has(file))) found[use].add(file);
    }
  }
  return { runtime: [...found.runtime], tooling: [...found.tooling], test: [...found.test] };
}

/** The entry paths a package.json writes (relative to its folder), by what they serve; found or not. */
export function namedEntries(manifest: Record<string, unknown>): Record<EntryUse, string[]> {
  const named: Record<EntryUse, string[]> = { runtime: [], tooling: [], test: [] };
  for (const key of ["main", "module", "browser"]) {
    if (typeof manifest[key] === "string") named.runtime.push(manifest[key]);
  }
  collectStrings(manifest.exports, named.runtime);
  collectStrings(manifest.bin, named.runtime);
  for (const [name, command] of Object.entries(stringRecord(manifest.scripts))) {
    pushAll(named[scriptUse(name)], scriptFiles(command));
  }
  return named;
}

/** Every entry, whatever it serves. */
export function entryPoints(
  dir: string,
  manifest: Record<string, unknown>,
  files: ReadonlySet<string>,
): string[] {
  const byUse = entryPointsByUse(dir, manifest, files);
  return [...new Set([...byUse.runtime, ...byUse.tooling, ...byUse.test])];
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

/**
 * `node --import tsx scripts/build.js && cross-env A=1 tsx src/x.ts` → the files run.
 * Any other command's code-file arguments are files it loads (`typeorm -d
 * src/data-source.ts`, `npm run typeorm -- --dataSource=src/data-source.ts`):
 * what it does with them is the tool's, but they run under this script.
 */
function scriptFiles(command: string): string[] {
  const out: string[] = [];
  for (const words of scriptCommands(command)) {
    const valueFlags = fileRunners[words[0] ?? ""];
    if (!valueFlags) {
      pushAll(out, words.slice(1).flatMap(codeFileArgument));
      continue;
    }
    const file = runFile(words.slice(1), valueFlags);
    if (file) out.push(file);
  }
  return out;
}

/**
 * A relative path to a code file, bare or as a flag's `=value`; never a glob
 * (`src/**\/*.ts` is a linter's or formatter's file list) or a path into node_modules.
 */
const codeFilePath = /^(?:--?[\w-]+=)?((?:\.{1,2}\/)?[\w@][\w.@/-]*\.[cm]?[jt]sx?)$/;

function codeFileArgument(word: string): string[] {
  const path = codeFilePath.exec(word)?.[1];
  return path && !/(^|\/)node_modules\//.test(path) ? [path] : [];
}

function runFile(args: readonly string[], valueFlags: readonly string[]): string | null {
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as string;
    if (valueFlags.includes(word)) i++;
    else if (evalFlags.has(word)) return null;
    else if (!word.startsWith("-") && /\.[cm]?[jt]sx?$/.test(word)) return word;
  }
  return null;
}

export function stringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) return out;
  for (const [k, v] of Object.entries(value)) if (typeof v === "string") out[k] = v;
  return out;
}
