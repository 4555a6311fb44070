import { readFileSync, statSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import ignore, { type Ignore } from "ignore";
import type { SourceFile } from "./analyze-usage.js";
import { jsonConfigFile } from "./file-role.js";
import type { UsageLimits } from "./limits.js";
import { codeExtensions } from "./parse-source.js";
import { stylesheetFile } from "./stylesheet-imports.js";
import { workflowFile } from "./tools/github-actions.js";
import type { BlindSpot } from "./types.js";

/** Folders that hold installed or built code, never the project's own sources. */
const skippedFolders = new Set([
  "node_modules",
  "bower_components",
  "jspm_packages",
  "dist",
  "coverage",
  // Test fixtures are data the tests read (sample projects, recorded inputs), not code the project runs.
  "fixtures",
  "__fixtures__",
]);

/**
 * Names build tools write to, which projects also give to their own build code: Vite
 * admin templates keep `build/plugins.ts` that `vite.config.ts` imports, vue-cli 2 apps
 * run `node build/build.js`. A root .gitignore is the project's own list of what is
 * generated, so one that does not ignore such a folder says it is source (Knip, which
 * reads every file git does not ignore, reads it too). Without a .gitignore the name is
 * all there is, and it is skipped. `dist` is not here: committed `dist/` folders are
 * bundles (GitHub Actions check theirs in), never sources.
 */
const outputFolders = new Set(["build", "out"]);

/**
 * Dot folders that hold tool config naming packages: Storybook's `main.ts`, husky's git hooks,
 * VitePress's config and theme (a docs site's code lives there), GitHub Actions' workflows.
 */
const toolFolders = new Set([".storybook", ".husky", ".vitepress", ".github"]);

/** Inside a tool folder, what the tool writes itself: VitePress's pre-bundled dependencies. */
const generatedToolFolder = /(^|\/)\.vitepress\/(cache|dist)$/;

export interface ProjectFiles {
  files: SourceFile[];
  /** Files too large to read, and the cap when it was hit. */
  skipped: BlindSpot[];
}

/**
 * The project's code, stylesheets, JSON and YAML config files and git
 * hooks, relative and `/`-separated.
 * Skips installed and built folders (`build`/`out` only when no .gitignore says which is
 * which), dot folders (but tools' and `dotFolders`, those a script runs code from:
 * named-dot-folders.ts), what the root .gitignore ignores, jenga's own report folder,
 * minified files, and symlinks (never followed: no loops, no escape from the project).
 * Oversized files and the file cap become blind spots.
 */
export async function readProjectFiles(
  root: string,
  limits: UsageLimits,
  dotFolders: ReadonlySet<string> = new Set(),
): Promise<ProjectFiles> {
  const { gitignore, present } = await readGitignore(root);
  const out: ProjectFiles = { files: [], skipped: [] };
  const queue: [string, number][] = [["", 0]];
  while (queue.length > 0) {
    const [dir, depth] = queue.shift() as [string, number];
    const entries = await readdir(path.join(root, dir), { withFileTypes: true }).catch(() => []);
    if (isJengaReport(entries.map((e) => e.name))) continue;
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const rel = dir === "" ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        const folderWanted =
          !entry.name.startsWith(".") || toolFolders.has(entry.name) || dotFolders.has(rel);
        const skipped =
          skippedFolders.has(entry.name) ||
          (outputFolders.has(entry.name) && (!present || nestedIgnores(root, dir, entry.name))) ||
          generatedToolFolder.test(rel) ||
          gitignore.ignores(`${rel}/`);
        if (folderWanted && !skipped && depth < limits.maxDepth) {
          queue.push([rel, depth + 1]);
        }
      } else if (entry.isFile() && wanted(rel) && !gitignore.ignores(rel)) {
        if (out.files.length >= limits.maxFiles) {
          out.skipped.push(cap(rel, limits.maxFiles));
          return out;
        }
        readOne(root, rel, limits, out);
      }
    }
  }
  return out;
}

/** jenga's own report folder (`--out`, default `reports/`): its scripts are not the project's code. */
function isJengaReport(names: readonly string[]): boolean {
  return names.includes("jenga.json") && names.includes("index.html");
}

function wanted(rel: string): boolean {
  // Minified files are vendored bundles, not sources: their imports are someone else's.
  if (/\.min\.[cm]?js$/.test(rel)) return false;
  const ext = path.posix.extname(rel);
  if ((codeExtensions as readonly string[]).includes(ext) || jsonConfigFile.test(rel)) return true;
  // A hook is a shell script without an extension; husky's own `_/` folder is generated.
  return stylesheetFile.test(rel) || /(^|\/)\.husky\/[\w-]+$/.test(rel) || workflowFile.test(rel);
}

/**
 * Synchronous on purpose: fs/promises pays a thread-pool round trip per step (stat, open,
 * read, close) for each of thousands of small files; the sync calls took a third of the time
 * on Kong/insomnia (811 files). The folder's readdir still yields to the event loop.
 */
function readOne(root: string, rel: string, limits: UsageLimits, out: ProjectFiles): void {
  const full = path.join(root, rel);
  let size: number;
  try {
    size = statSync(full).size;
  } catch {
    return;
  }
  if (size > limits.maxFileBytes) {
    out.skipped.push({
      file: rel,
      line: 0,
      kind: "too-large",
      detail: `${size} bytes, over the ${limits.maxFileBytes}-byte limit: not read`,
    });
    return;
  }
  try {
    out.files.push({ path: rel, text: readFileSync(full, "utf8") });
  } catch {
    // Gone or unreadable since the folder was listed: not a source jenga can judge.
  }
}

function cap(rel: string, max: number): BlindSpot {
  return {
    file: rel,
    line: 0,
    kind: "file-cap",
    detail: `more than ${max} files: the rest were not read`,
  };
}

/**
 * The root .gitignore with git's own semantics (the `ignore` package): `/lib/`
 * is the root's lib folder only, `lib/` any folder named lib, globs and `!`
 * negations as git reads them.
 */
async function readGitignore(root: string): Promise<{ gitignore: Ignore; present: boolean }> {
  const text = await readFile(path.join(root, ".gitignore"), "utf8").catch(() => null);
  return {
    gitignore: ignore({ allowRelativePaths: true }).add(text ?? ""),
    present: text !== null,
  };
}

/**
 * Whether the .gitignore beside a nested `build`/`out` folder ignores it: a monorepo's
 * packages often list their own output there rather than in the root's. Only that one
 * file is read, for these folders alone; the other nested .gitignore files are not.
 */
function nestedIgnores(root: string, dir: string, name: string): boolean {
  if (dir === "") return false;
  try {
    return ignore()
      .add(readFileSync(path.join(root, dir, ".gitignore"), "utf8"))
      .ignores(`${name}/`);
  } catch {
    return false;
  }
}
