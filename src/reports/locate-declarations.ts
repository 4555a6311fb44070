import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { findNodeAtLocation, type Node, parseTree } from "jsonc-parser";
import type { InputKind } from "../inventory/types.js";
import type { JengaResult, PackageResult, ProjectResult } from "../result/types.js";

/** Where a package is declared: a file relative to the source root (POSIX separators) and a 1-based line. */
export interface DeclarationLocation {
  file: string;
  line: number;
}

/** Package name → where the user can see it declared. */
export type DeclarationLocations = ReadonlyMap<string, DeclarationLocation>;

/** One project's files as text, named relative to the source root; null when absent. */
export interface ProjectTexts {
  path: string;
  kind: InputKind;
  manifest: { file: string; text: string } | null;
  lockfile: { file: string; text: string } | null;
}

const dependencyFields = [
  "dependencies",
  "devDependencies",
  "optionalDependencies",
  "peerDependencies",
] as const;

/**
 * Reads each project's package.json and lockfile (or SBOM), then locates every
 * package. Files are named relative to `root`, the SARIF `%SRCROOT%`. A file
 * that cannot be read locates nothing: the report must not fail over a location.
 */
export async function locateDeclarations(
  result: JengaResult,
  root: string,
): Promise<DeclarationLocations> {
  const texts = await Promise.all(result.projects.map((p) => readProjectTexts(p, root)));
  return locateInTexts(result.packages, texts);
}

async function readProjectTexts(project: ProjectResult, root: string): Promise<ProjectTexts> {
  const read = async (file: string | null) => {
    if (!file || !existsSync(file)) return null;
    const text = await readFile(file, "utf8").catch(() => null);
    return text === null ? null : { file: relativeUri(root, file), text };
  };
  const sbom = project.kind === "cyclonedx";
  return {
    path: project.path,
    kind: project.kind,
    manifest: sbom ? null : await read(path.join(project.path, "package.json")),
    lockfile: await read(project.lockfile),
  };
}

function relativeUri(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join("/");
}

/**
 * Pure: for each package, the first project (in the package's own order) that
 * shows it: a direct dependency at its line in package.json, else its entry in
 * the lockfile or SBOM. A package found nowhere falls back to line 1 of its
 * project's lockfile or package.json, since code scanning needs a location.
 */
export function locateInTexts(
  packages: PackageResult[],
  projects: ProjectTexts[],
): Map<string, DeclarationLocation> {
  const byPath = new Map(projects.map((p) => [p.path, p]));
  const manifests = new Map<ProjectTexts, Node | undefined>();
  const locks = new Map<ProjectTexts, LockIndex>();
  const locations = new Map<string, DeclarationLocation>();
  for (const pkg of packages) {
    const candidates = [
      ...pkg.projects.flatMap((p) => byPath.get(p) ?? []),
      ...projects.filter((p) => !pkg.projects.includes(p.path)),
    ];
    let found: DeclarationLocation | null = null;
    for (const project of candidates) {
      if (pkg.direct && project.manifest) {
        if (!manifests.has(project))
          manifests.set(project, parseTree(project.manifest.text) ?? undefined);
        const line = lineInManifest(project.manifest.text, manifests.get(project), pkg.name);
        if (line) found = { file: project.manifest.file, line };
      }
      if (!found && project.lockfile) {
        if (!locks.has(project)) locks.set(project, indexLockfile(project.kind, project.lockfile));
        const line = locks.get(project)?.(pkg.name);
        if (line) found = { file: project.lockfile.file, line };
      }
      if (found) break;
    }
    const fallback = candidates[0]?.lockfile ?? candidates[0]?.manifest;
    if (!found && fallback) found = { file: fallback.file, line: 1 };
    if (found) locations.set(pkg.name, found);
  }
  return locations;
}

function lineInManifest(text: string, tree: Node | undefined, name: string): number | null {
  if (!tree) return null;
  for (const field of dependencyFields) {
    const value = findNodeAtLocation(tree, [field, name]);
    // The property node (the parent of the value) starts at the key: the line a reader looks for.
    if (value?.parent) return lineAt(text, value.parent.offset);
  }
  return null;
}

type LockIndex = (name: string) => number | null;

function indexLockfile(kind: InputKind, lock: { text: string }): LockIndex {
  const { text } = lock;
  if (kind === "npm-lock") {
    const tree = parseTree(text);
    return (name) => {
      if (!tree) return null;
      // v2/v3 key packages by install path; v1 nests them under `dependencies`.
      const node =
        findNodeAtLocation(tree, ["packages", `node_modules/${name}`]) ??
        findNodeAtLocation(tree, ["dependencies", name]);
      return node?.parent ? lineAt(text, node.parent.offset) : null;
    };
  }
  const lines = text.split("\n");
  if (kind === "cyclonedx") {
    return (name) => firstLine(lines, (l) => l.includes(`"name": ${JSON.stringify(name)}`));
  }
  if (kind === "pnpm-lock") {
    // Entries under `packages:` read `  /name@1.0.0:` (v6) or `  name@1.0.0:` (v9), maybe quoted.
    const start = lines.findIndex((l) => l.trimEnd() === "packages:");
    return (name) =>
      start < 0
        ? null
        : firstLine(lines, (l, i) => i > start && startsEntry(l.trimStart(), name, "/"));
  }
  if (kind === "yarn-classic" || kind === "yarn-berry") {
    // Entry headers are unindented and list every range: `"@s/a@^1", "@s/a@^2":` or `a@^1:`.
    return (name) =>
      firstLine(
        lines,
        (l) => !/^\s/.test(l) && l.split(/,\s*/).some((part) => startsEntry(part, name, "")),
      );
  }
  return () => null;
}

/** `name@…` or `<prefix>name@…`, after an optional opening quote. */
function startsEntry(text: string, name: string, prefix: string): boolean {
  const unquoted = text.replace(/^["']/, "");
  return (
    unquoted.startsWith(`${name}@`) || (prefix !== "" && unquoted.startsWith(`${prefix}${name}@`))
  );
}

function firstLine(
  lines: string[],
  match: (line: string, index: number) => boolean,
): number | null {
  const index = lines.findIndex(match);
  return index < 0 ? null : index + 1;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
