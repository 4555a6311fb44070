import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { InputError } from "../errors.js";
import { pushAll } from "../util/extremes.js";
import { detectInputKind, LOCKFILES } from "./detect-input.js";
import { findWorkspaceFolders } from "./find-workspaces.js";
import type { LockInput } from "./lock-input.js";
import { type Manifest, parseManifest } from "./manifest.js";
import { mergeSummaries } from "./merge-inventories.js";
import { type GraphSummary, summarize } from "./summarize-graph.js";
import type { InputKind, Inventory, LockGraph, Project } from "./types.js";
import { pnpmWorkspacePatterns } from "./workspace-patterns.js";

type Parser = (input: LockInput) => LockGraph;

/**
 * One parser per format; each is pure, this module does the reading. Each is
 * loaded when its format is read: the XML SBOM parser brings cheerio, the
 * yarn and pnpm ones @yarnpkg/parsers, and a run reads one or two formats.
 */
const PARSERS: Record<InputKind, (text: string) => Promise<Parser>> = {
  "npm-lock": async () => (await import("./npm-lock.js")).parseNpmLock,
  "pnpm-lock": async () => (await import("./pnpm-lock.js")).parsePnpmLock,
  "yarn-classic": async () => (await import("./yarn-classic.js")).parseYarnClassic,
  "yarn-berry": async () => (await import("./yarn-berry.js")).parseYarnBerry,
  // Each SBOM standard has two serialisations of one model; the first character tells them apart.
  cyclonedx: async (text) =>
    /^\s*</.test(text)
      ? (await import("./cyclonedx-xml.js")).parseCycloneDxXml
      : (await import("./cyclonedx.js")).parseCycloneDx,
  spdx: async (text) =>
    /^\s*\{/.test(text)
      ? (await import("./spdx.js")).parseSpdxJson
      : (await import("./spdx-tag-value.js")).parseSpdxTagValue,
  "package-json": async () => (await import("./package-json.js")).parsePackageJson,
};

const HINT =
  "Pass a project folder, a lockfile (npm, pnpm, yarn) or an SBOM (CycloneDX JSON or XML, SPDX JSON or tag-value).";

/**
 * Reads each PATH (a project folder, a lockfile or an SBOM) into
 * one inventory. A folder is read through its lockfile (npm-shrinkwrap.json,
 * package-lock.json, pnpm-lock.yaml, yarn.lock, in that order) or, without
 * one, its package.json. Unusable input throws InputError naming the file
 * (and the line, for a parse error); odd entries inside a usable file become
 * warnings.
 */
export async function readInventory(paths: string[], options: { cwd: string }): Promise<Inventory> {
  const given = paths.length > 0 ? paths : ["."];
  const read = await Promise.all(given.map((path) => readProject(path, options.cwd)));
  const projects: Project[] = [];
  const summaries: GraphSummary[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  for (const { project, graph, label } of read) {
    // The same project named twice (`.` and its lockfile) is one project.
    const key = `${project.path}\u0000${project.lockfile ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    projects.push(project);
    summaries.push(summarize(graph, project));
    for (const warning of graph.warnings) warnings.push(`${label}: ${warning}`);
  }
  return { projects, packages: mergeSummaries(summaries), warnings };
}

export interface ProjectGraph {
  project: Project;
  graph: LockGraph;
  /** The file read, as the user would recognise it. */
  label: string;
}

/** One PATH read into its graph, before summarizing: for tests and tools that need the edges. */
export async function readProjectGraph(
  given: string,
  options: { cwd: string },
): Promise<ProjectGraph> {
  return readProject(given, options.cwd);
}

async function readProject(given: string, cwd: string): Promise<ProjectGraph> {
  const absolute = resolve(cwd, given);
  const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(given, describeFsError(error), undefined, HINT);
  });
  let file = absolute;
  let label = given;
  if (info.isDirectory()) {
    const found = [...LOCKFILES, "package.json"].find((name) => existsSync(join(absolute, name)));
    if (!found)
      throw new InputError(given, "no package.json or lockfile in this folder", undefined, HINT);
    file = join(absolute, found);
    label = join(given, found);
  }
  const text = await readText(file, label);
  const kind = detectInputKind(basename(file), text, label);
  const folder = dirname(file);
  const sbom = kind === "cyclonedx" || kind === "spdx";
  const manifests = sbom
    ? new Map<string, Manifest>()
    : await readManifests(folder, dirname(label), kind);
  const fallbackName = sbom ? basename(file).replace(/\.(json|xml|spdx)$/i, "") : basename(folder);
  const parse = await PARSERS[kind](text);
  const graph = parse({ file, label, text, manifests, fallbackName });
  const project: Project = {
    path: sbom ? file : folder,
    name: graph.importers[0]?.name ?? fallbackName,
    lockfile: kind === "package-json" ? null : file,
    kind,
  };
  return { project, graph, label };
}

/**
 * package.json of the root and of every workspace (npm/yarn `workspaces`,
 * pnpm-workspace.yaml). A lockfile given without its package.json still
 * reads: the parsers fall back to what the lock says.
 */
async function readManifests(
  folder: string,
  labelFolder: string,
  kind: InputKind,
): Promise<Map<string, Manifest>> {
  const manifests = new Map<string, Manifest>();
  const rootFile = join(folder, "package.json");
  if (!existsSync(rootFile)) return manifests;
  const root = parseManifest(
    await readText(rootFile, join(labelFolder, "package.json")),
    join(labelFolder, "package.json"),
  );
  manifests.set("", root);
  const patterns = [...root.workspaces];
  const pnpmWorkspace = join(folder, "pnpm-workspace.yaml");
  if ((kind === "pnpm-lock" || kind === "package-json") && existsSync(pnpmWorkspace)) {
    const label = join(labelFolder, "pnpm-workspace.yaml");
    const { parseYamlText } = await import("./parse-text.js");
    const yaml = parseYamlText(await readText(pnpmWorkspace, label), label);
    pushAll(patterns, pnpmWorkspacePatterns(yaml));
  }
  for (const workspace of await findWorkspaceFolders(folder, patterns)) {
    const label = join(labelFolder, workspace, "package.json");
    manifests.set(
      workspace,
      parseManifest(await readText(join(folder, workspace, "package.json"), label), label),
    );
  }
  return manifests;
}

/**
 * Every input's text, without the byte order mark an editor on Windows may add:
 * npm, yarn and pnpm all read such files, and yarn classic's grammar (unlike
 * the JSON and YAML readers) chokes on the mark.
 */
async function readText(file: string, label: string): Promise<string> {
  try {
    const text = await readFile(file, "utf8");
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (error) {
    throw new InputError(label, describeFsError(error as NodeJS.ErrnoException), undefined, HINT);
  }
}

function describeFsError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case "ENOENT":
      return "no such file or folder";
    case "EACCES":
    case "EPERM":
      return "cannot read: permission denied";
    case "EISDIR":
      return "is a folder, expected a file";
    default:
      return `cannot read: ${error.code ?? error.message}`;
  }
}
