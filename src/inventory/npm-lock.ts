import { InputError } from "../errors.js";
import { GraphBuilder } from "./graph-builder.js";
import { nodeId, stringField } from "./lock-entry.js";
import type { LockInput } from "./lock-input.js";
import { declaredDependencies, isRecord, manifestFromRecord } from "./manifest.js";
import { fromDependencyTree } from "./npm-lock-v1.js";
import { originOfSpec } from "./origin.js";
import { nameFromInstallPath, quote } from "./package-name.js";
import { parseJsonText } from "./parse-text.js";
import type { LockGraph } from "./types.js";
import { compileWorkspacePatterns, matchesWorkspace } from "./workspace-patterns.js";

/**
 * package-lock.json and npm-shrinkwrap.json. Versions 2 and 3 describe the
 * node_modules tree as a `packages` map keyed by install path; which copy a
 * dependency uses is found the way Node finds it, walking up the folders.
 * Version 1 only has the nested `dependencies` tree (./npm-lock-v1.ts).
 */
export function parseNpmLock(input: LockInput): LockGraph {
  const data = parseJsonText(input.text, input.label);
  if (!isRecord(data))
    throw new InputError(input.label, "not a package lock: expected a JSON object");
  if (isRecord(data.packages)) return fromPackages(data, data.packages, input);
  if (isRecord(data.dependencies) || data.lockfileVersion === 1)
    return fromDependencyTree(data, input);
  throw new InputError(
    input.label,
    `not a package lock: no "packages" or "dependencies" (lockfileVersion ${quote(String(data.lockfileVersion))})`,
  );
}

/** What owns a folder of the tree: an importer (root or workspace) or a node. */
interface Owner {
  id: string;
  importer: boolean;
  /** The lock entry whose dependencies this folder declares. */
  entry: Record<string, unknown>;
}

function fromPackages(
  data: Record<string, unknown>,
  packages: Record<string, unknown>,
  input: LockInput,
): LockGraph {
  const builder = new GraphBuilder("npm-lock", input.file);
  const entries = new Map<string, Record<string, unknown>>();
  for (const [key, value] of Object.entries(packages)) if (isRecord(value)) entries.set(key, value);

  const rootEntry = entries.get("") ?? {};
  const rootManifest = input.manifests.get("");
  const rootName = stringField(rootEntry, "name") ?? stringField(data, "name");
  const owners = new Map<string, Owner>();
  const root = builder.addImporter("", rootName ?? rootManifest?.name ?? input.fallbackName);
  owners.set("", { id: root, importer: true, entry: rootEntry });

  // The lock keeps the root's `workspaces`; older locks only have them in package.json.
  const rootWorkspaces = manifestFromRecord(rootEntry).workspaces;
  const patterns = compileWorkspacePatterns(
    rootWorkspaces.length > 0 ? rootWorkspaces : (rootManifest?.workspaces ?? []),
  );

  const links: [string, Record<string, unknown>][] = [];
  for (const [key, entry] of entries) {
    if (key === "") continue;
    if (entry.link === true) links.push([key, entry]);
    else if (!key.includes("node_modules/")) addFolder(key, entry);
    else addInstalled(key, entry);
  }
  for (const [key, entry] of links) addLink(key, entry);
  for (const [location, owner] of owners) addEdges(location, owner);
  return builder.build();

  /** A folder outside node_modules: a workspace, or the target of a `file:` link (handled by addLink). */
  function addFolder(key: string, entry: Record<string, unknown>): void {
    if (!matchesWorkspace(key, patterns)) return;
    const name =
      stringField(entry, "name") ?? input.manifests.get(key)?.name ?? key.split("/").pop();
    owners.set(key, { id: builder.addImporter(key, name ?? key), importer: true, entry });
  }

  function addInstalled(key: string, entry: Record<string, unknown>): void {
    const name = stringField(entry, "name") ?? nameFromInstallPath(key);
    const version = stringField(entry, "version");
    if (!version) {
      builder.warn(`skipped ${quote(key)}: no version`);
      return;
    }
    const resolved = stringField(entry, "resolved");
    const origin = originOfSpec(resolved, name);
    const id = builder.addNode(key, {
      name,
      version,
      origin,
      id: nodeId(name, version, origin, resolved),
    });
    if (id) owners.set(key, { id, importer: false, entry });
  }

  /** `link: true` points at a folder: a workspace, or a `file:` folder dependency npm symlinks. */
  function addLink(key: string, entry: Record<string, unknown>): void {
    const target = stringField(entry, "resolved");
    if (target === undefined) {
      builder.warn(`skipped ${quote(key)}: link without a target`);
      return;
    }
    const targetOwner = owners.get(target);
    if (targetOwner) {
      owners.set(key, { ...targetOwner, entry: {} });
      return;
    }
    const targetEntry = entries.get(target) ?? {};
    const name = stringField(targetEntry, "name") ?? nameFromInstallPath(key);
    const version = stringField(targetEntry, "version") ?? "";
    // npm symlinks a `file:` folder, but it is the user's `file:` dependency, as other tools say.
    const id = builder.addNode(key, {
      name,
      version,
      origin: "file",
      id: `${name}@file:${target}`,
    });
    if (!id) return;
    // The link's own folder declares nothing; the target folder declares the dependencies.
    owners.set(key, { id, importer: false, entry: {} });
    owners.set(target, { id, importer: false, entry: targetEntry });
  }

  function addEdges(location: string, owner: Owner): void {
    for (const dependency of declaredDependencies(manifestFromRecord(owner.entry))) {
      const found = resolveFrom(location, dependency.name);
      if (!found) {
        // npm leaves optional and peer dependencies out when it does not install them.
        if (dependency.type === "prod" || dependency.type === "dev") {
          builder.warn(
            `${quote(location || "(root)")}: ${quote(dependency.name)} is not in the lock`,
          );
        }
        continue;
      }
      // An edge to a workspace is an edge between importers: not a package to analyze.
      if (!found.importer) builder.addEdge(owner.id, found.id, dependency.type);
    }
  }

  /** Node's lookup: `<dir>/node_modules/<name>` from the requiring folder up to the root. */
  function resolveFrom(location: string, name: string): Owner | undefined {
    let dir = location;
    for (;;) {
      const owner = owners.get(dir === "" ? `node_modules/${name}` : `${dir}/node_modules/${name}`);
      if (owner) return owner;
      if (dir === "") return undefined;
      const slash = dir.lastIndexOf("/");
      dir = slash < 0 ? "" : dir.slice(0, slash);
    }
  }
}
