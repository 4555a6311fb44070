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
  "build",
  "out",
  "coverage",
  // Test fixtures are data the tests read (sample projects, recorded inputs), not code the project runs.
  "fixtures",
  "__fixtures__",
]);

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
 * Skips installed and built folders, dot folders, what the root .gitignore
 * ignores, jenga's own report folder, minified files, and symlinks (never followed: no loops, no escape
 * from the project). Oversized files and the file cap become blind spots.
 */
export async function readProjectFiles(root: string, limits: UsageLimits): Promise<ProjectFiles> {
  const gitignore = await readGitignore(root);
  const out: ProjectFiles = { files: [], skipped: [] };
  const queue: [string, number][] = [["", 0]];
  while (queue.length > 0) {
    const [dir, depth] = queue.shift() as [string, number];
    const entries = await readdir(path.join(root, dir), { withFileTypes: true }).catch(() => []);
    if (isJengaReport(entries.map((e) => e.name))) continue;
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const rel = dir === "" ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        const folderWanted = !entry.name.startsWith(".") || toolFolders.has(entry.name);
        const skipped =
          skippedFolders.has(entry.name) ||
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
async function readGitignore(root: string): Promise<Ignore> {
  const text = await readFile(path.join(root, ".gitignore"), "utf8").catch(() => "");
  return ignore({ allowRelativePaths: true }).add(text);
}
