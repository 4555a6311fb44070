import { posix } from "node:path";
import { InputError } from "../errors.js";
import { GraphBuilder } from "./graph-builder.js";
import { nodeId } from "./lock-entry.js";
import type { LockInput } from "./lock-input.js";
import { importerName, isRecord } from "./manifest.js";
import { isRegistryTarball } from "./origin.js";
import { quote, splitDescriptor } from "./package-name.js";
import { parseYamlText } from "./parse-text.js";
import type { LockGraph, PackageOrigin, Scope } from "./types.js";

/**
 * pnpm-lock.yaml. v6 (pnpm 8) keys packages `/name@version(peers)` and keeps
 * their dependencies there; v9 (pnpm 9+) keys `packages` by `name@version`
 * (metadata) and `snapshots` by `name@version(peers)` (dependencies). One
 * package resolved against different peers is one node here: the peers change
 * how it is linked, not what it is.
 */

const SECTIONS: [string, Scope][] = [
  ["dependencies", "prod"],
  ["optionalDependencies", "optional"],
  ["devDependencies", "dev"],
];

export function parsePnpmLock(input: LockInput): LockGraph {
  const data = parseYamlText(input.text, input.label);
  if (!isRecord(data)) {
    throw new InputError(input.label, "not a pnpm lockfile: expected a YAML mapping");
  }
  const format = lockfileFormat(data, input.label);
  const packages = isRecord(data.packages) ? data.packages : {};
  // v9 keeps metadata in `packages` and dependencies in `snapshots`; earlier versions both in `packages`.
  const withDependencies =
    format >= 9 ? (isRecord(data.snapshots) ? data.snapshots : {}) : packages;
  const builder = new GraphBuilder("pnpm-lock", input.file);

  const nodeOfKey = new Map<string, string>();
  for (const [key, entry] of Object.entries(withDependencies)) {
    const meta = format >= 9 ? packages[stripPeers(key)] : entry;
    const node = readNode(key, isRecord(meta) ? meta : {}, format);
    const id = node ? builder.addNode(key, node) : null;
    if (!node) builder.warn(`skipped ${quote(key)}: not a package key`);
    if (id) nodeOfKey.set(key, id);
  }

  // Before workspaces existed in the format, a lone project kept its sections at the top.
  const importers = Object.entries(isRecord(data.importers) ? data.importers : { ".": data });
  const importerOfPath = new Map<string, string>();
  for (const [path] of importers) {
    const relative = path === "." ? "" : path;
    const name = importerName(input.manifests, relative, input.fallbackName);
    importerOfPath.set(relative, builder.addImporter(relative, name));
  }
  const resolve = resolver(builder, format, nodeOfKey, importerOfPath);
  for (const [path, importer] of importers) {
    const relative = path === "." ? "" : path;
    const from = importerOfPath.get(relative) as string;
    if (isRecord(importer)) addEdges(builder, resolve, from, relative, importer);
    const peers = input.manifests.get(relative)?.peerDependencies;
    if (peers) builder.declarePeers(from, Object.keys(peers));
  }
  for (const [key, entry] of Object.entries(withDependencies)) {
    const from = nodeOfKey.get(key);
    if (from && isRecord(entry)) addEdges(builder, resolve, from, null, entry);
  }
  return builder.build();
}

/** 5 (pnpm 7), 6 (pnpm 8) or 9 (pnpm 9 and 10); the key syntax differs between them. */
function lockfileFormat(data: Record<string, unknown>, label: string): number {
  const version = String(data.lockfileVersion ?? "");
  const major = Math.floor(Number.parseFloat(version));
  if (major >= 5 && major <= 9) return major;
  throw new InputError(
    label,
    `unsupported pnpm lockfileVersion ${quote(version)}`,
    undefined,
    "jenga reads pnpm lockfiles v6 (pnpm 8) and v9 (pnpm 9 and 10).",
  );
}

type Resolve = (name: string, version: string, folder: string | null) => string | null;

/** `folder` is the importer's folder; `link:` versions are relative to it. */
function addEdges(
  builder: GraphBuilder,
  resolve: Resolve,
  from: string,
  folder: string | null,
  entry: Record<string, unknown>,
): void {
  for (const [section, type] of SECTIONS) {
    const dependencies = entry[section];
    if (!isRecord(dependencies)) continue;
    for (const [name, value] of Object.entries(dependencies)) {
      // Importers write `{ specifier, version }` (v6+), packages and v5 importers a bare version.
      const version = isRecord(value) ? value.version : value;
      const to = typeof version === "string" ? resolve(name, version, folder) : null;
      if (to) builder.addEdge(from, to, type);
    }
  }
}

/**
 * A dependency's version field → the node it names. Registry versions are
 * completed into a key (`/a@1.0.0` v6, `a@1.0.0` v9, `/a/1.0.0` v5); aliases
 * and other sources are written as the key itself.
 */
function resolver(
  builder: GraphBuilder,
  format: number,
  nodeOfKey: Map<string, string>,
  importerOfPath: Map<string, string>,
): Resolve {
  return (name, version, folder) => {
    if (version.startsWith("link:")) {
      const target = posix.normalize(posix.join(folder ?? "", version.slice("link:".length)));
      // A link to another importer is a workspace edge, not a package.
      if (importerOfPath.has(target === "." ? "" : target)) return null;
      const id = `${name}@link:${target}`;
      return builder.addNode(name, { name, version: "", origin: "link", id });
    }
    const candidates =
      format >= 9
        ? [`${name}@${version}`, version]
        : format >= 6
          ? [`/${name}@${version}`, version, `/${version}`]
          : [`/${name}/${version}`, version, `/${version}`];
    for (const key of candidates) {
      const id = nodeOfKey.get(key);
      if (id) return id;
    }
    builder.warn(`${quote(name)} at ${quote(version)} is not in the lockfile`);
    return null;
  };
}

type NodeFields = { name: string; version: string; origin: PackageOrigin; id: string };

/**
 * Registry keys carry name and version (`/a@1.0.0` in v6, `a@1.0.0` in v9,
 * `/a/1.0.0_peers` in v5); other sources are keyed by their URL or path and
 * carry `name` and `version` fields instead.
 */
function readNode(key: string, meta: Record<string, unknown>, format: number): NodeFields | null {
  const slashed = key.startsWith("/");
  const body = stripPeers(slashed ? key.slice(1) : key);
  const named =
    format >= 9 ? splitDescriptor(body) : slashed ? splitSlashedKey(body, format) : null;
  const name = typeof meta.name === "string" ? meta.name : named?.name;
  if (!name) return null;
  const origin = originOfResolution(meta.resolution, name);
  if (origin === "registry" && named) {
    return { name, version: named.range, origin, id: nodeId(name, named.range, origin, undefined) };
  }
  const version = typeof meta.version === "string" ? meta.version : "";
  return { name, version, origin, id: nodeId(name, version, origin, named?.range ?? body) };
}

/** v6 `name@version`; v5 `name/version_peers` (versions never contain `_`). */
function splitSlashedKey(body: string, format: number): { name: string; range: string } | null {
  if (format >= 6) return splitDescriptor(body);
  const slash = body.lastIndexOf("/");
  if (slash <= 0) return null;
  return { name: body.slice(0, slash), range: body.slice(slash + 1).split("_")[0] ?? "" };
}

/** `a@1.0.0(b@2.0.0)(c@3.0.0)` → `a@1.0.0`. */
function stripPeers(key: string): string {
  const paren = key.indexOf("(", 1);
  return paren < 0 ? key : key.slice(0, paren);
}

/**
 * No resolution or only an integrity: the registry. pnpm also writes a
 * `tarball` for packages of a non-default registry; its shape tells them apart
 * from arbitrary tarball URLs.
 */
function originOfResolution(resolution: unknown, name: string): PackageOrigin {
  if (!isRecord(resolution)) return "registry";
  if (resolution.type === "git" || typeof resolution.repo === "string") return "git";
  if (resolution.type === "directory") return "file";
  const tarball = resolution.tarball;
  if (typeof tarball !== "string") return "registry";
  if (tarball.startsWith("file:")) return "file";
  return isRegistryTarball(tarball, name) ? "registry" : "remote";
}
