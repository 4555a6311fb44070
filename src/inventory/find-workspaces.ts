import { type Dirent, existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import {
  compileWorkspacePatterns,
  matchesWorkspace,
  normalizePattern,
} from "./workspace-patterns.js";

/** Deep enough for any real monorepo layout; bounds a `**` walk over a huge tree. */
const MAX_DEPTH = 8;

/**
 * The workspace folders (relative, `/`-separated, sorted) that the patterns
 * name and that hold a package.json. Symlinks are not followed and
 * node_modules and dot folders are never entered; patterns reaching outside
 * the root (`../x`) are ignored.
 */
export async function findWorkspaceFolders(
  root: string,
  patterns: readonly string[],
): Promise<string[]> {
  const compiled = compileWorkspacePatterns(patterns);
  const found = new Set<string>();
  for (const raw of patterns) {
    if (raw.startsWith("!")) continue;
    const segments = normalizePattern(raw)
      .split("/")
      .filter((segment) => segment !== "" && segment !== ".");
    if (segments.includes("..")) continue;
    for (const folder of await expand(root, "", segments, 0)) found.add(folder);
  }
  return [...found]
    .filter(
      (folder) =>
        matchesWorkspace(folder, compiled) && existsSync(join(root, folder, "package.json")),
    )
    .sort();
}

async function expand(
  root: string,
  folder: string,
  segments: string[],
  depth: number,
): Promise<string[]> {
  const [segment, ...rest] = segments;
  if (segment === undefined) return [folder];
  if (depth > MAX_DEPTH) return [];
  if (segment === "**") {
    const here = await expand(root, folder, rest, depth);
    const below = await Promise.all(
      (await subfolders(root, folder)).map((child) => expand(root, child, segments, depth + 1)),
    );
    return [...here, ...below.flat()];
  }
  if (!segment.includes("*")) return expand(root, joinPath(folder, segment), rest, depth + 1);
  const matcher = new RegExp(`^${segment.split("*").map(escapeRegExp).join("[^/]*")}$`);
  const children = (await subfolders(root, folder)).filter((child) =>
    matcher.test(child.split("/").pop() ?? ""),
  );
  return (await Promise.all(children.map((child) => expand(root, child, rest, depth + 1)))).flat();
}

async function subfolders(root: string, folder: string): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(join(root, folder), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter(
      (entry) =>
        entry.isDirectory() && entry.name !== "node_modules" && !entry.name.startsWith("."),
    )
    .map((entry) => joinPath(folder, entry.name));
}

function joinPath(folder: string, name: string): string {
  return folder === "" ? name : `${folder}/${name}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
}
