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
import {
  compileWorkspacePatterns,
  matchesWorkspace,
  type WorkspacePatterns,
} from "./workspace-patterns.js";

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
  const entries = new Map<string, Record<string, unknown>>();
  for (const [key, value] of Object.entries(packages)) if (isRecord(value)) entries.set(key, value);
  const tree = new InstallTree(entries, input, stringField(data, "name"));
  const links: [string, Record<string, unknown>][] = [];
  for (const [key, entry] of entries) {
    if (key === "") continue;
    if (entry.link === true) links.push([key, entry]);
    else if (!key.includes("node_modules/")) tree.addFolder(key, entry);
    else tree.addInstalled(key, entry);
  }
  // Links last: their targets (workspaces, `file:` folders) must be known first.
  for (const [key, entry] of links) tree.addLink(key, entry);
  return tree.build();
}

/** The folders of a v2/v3 lock and who owns each, then the edges between them. */
class InstallTree {
  private readonly builder: GraphBuilder;
  private readonly owners = new Map<string, Owner>();
  private readonly workspaces: WorkspacePatterns;

  constructor(
    private readonly entries: Map<string, Record<string, unknown>>,
    private readonly input: LockInput,
    lockName: string | undefined,
  ) {
    this.builder = new GraphBuilder("npm-lock", input.file);
    const rootEntry = entries.get("") ?? {};
    const manifest = input.manifests.get("");
    const name = stringField(rootEntry, "name") ?? lockName ?? manifest?.name ?? input.fallbackName;
    this.owners.set("", {
      id: this.builder.addImporter("", name),
      importer: true,
      entry: rootEntry,
    });
    // The lock keeps the root's `workspaces`; older locks only have them in package.json.
    const listed = manifestFromRecord(rootEntry).workspaces;
    this.workspaces = compileWorkspacePatterns(
      listed.length > 0 ? listed : (manifest?.workspaces ?? []),
    );
  }

  /** A folder outside node_modules: a workspace, or the target of a `file:` link (see addLink). */
  addFolder(key: string, entry: Record<string, unknown>): void {
    if (!matchesWorkspace(key, this.workspaces)) return;
    const name = stringField(entry, "name") ?? this.input.manifests.get(key)?.name;
    const id = this.builder.addImporter(key, name ?? key.split("/").pop() ?? key);
    this.owners.set(key, { id, importer: true, entry });
  }

  addInstalled(key: string, entry: Record<string, unknown>): void {
    const name = stringField(entry, "name") ?? nameFromInstallPath(key);
    const version = stringField(entry, "version");
    if (!version) {
      this.builder.warn(`skipped ${quote(key)}: no version`);
      return;
    }
    const resolved = stringField(entry, "resolved");
    const origin = originOfSpec(resolved, name);
    const id = nodeId(name, version, origin, resolved);
    const added = this.builder.addNode(key, { name, version, origin, id });
    if (added) this.owners.set(key, { id: added, importer: false, entry });
  }

  /** `link: true` points at a folder: a workspace, or a `file:` folder dependency npm symlinks. */
  addLink(key: string, entry: Record<string, unknown>): void {
    const target = stringField(entry, "resolved");
    if (target === undefined) {
      this.builder.warn(`skipped ${quote(key)}: link without a target`);
      return;
    }
    const targetOwner = this.owners.get(target);
    if (targetOwner) {
      this.owners.set(key, { ...targetOwner, entry: {} });
      return;
    }
    const targetEntry = this.entries.get(target) ?? {};
    const name = stringField(targetEntry, "name") ?? nameFromInstallPath(key);
    const version = stringField(targetEntry, "version") ?? "";
    // npm symlinks a `file:` folder, but it is the user's `file:` dependency, as other tools say.
    const id = `${name}@file:${target}`;
    const added = this.builder.addNode(key, { name, version, origin: "file", id });
    if (!added) return;
    // The link's own folder declares nothing; the target folder declares the dependencies.
    this.owners.set(key, { id: added, importer: false, entry: {} });
    this.owners.set(target, { id: added, importer: false, entry: targetEntry });
  }

  build(): LockGraph {
    for (const [location, owner] of this.owners) this.addEdges(location, owner);
    return this.builder.build();
  }

  private addEdges(location: string, owner: Owner): void {
    for (const dependency of declaredDependencies(manifestFromRecord(owner.entry))) {
      const found = this.resolveFrom(location, dependency.name);
      if (!found) {
        // npm leaves optional and peer dependencies out when it does not install them.
        if (dependency.type === "prod" || dependency.type === "dev") {
          const from = quote(location || "(root)");
          this.builder.warn(`${from}: ${quote(dependency.name)} is not in the lock`);
        }
        continue;
      }
      // An edge to a workspace is an edge between importers: not a package to analyze.
      if (!found.importer) this.builder.addEdge(owner.id, found.id, dependency.type);
    }
  }

  /** Node's lookup: `<dir>/node_modules/<name>` from the requiring folder up to the root. */
  private resolveFrom(location: string, name: string): Owner | undefined {
    let dir = location;
    for (;;) {
      const owner = this.owners.get(
        dir === "" ? `node_modules/${name}` : `${dir}/node_modules/${name}`,
      );
      if (owner) return owner;
      if (dir === "") return undefined;
      const slash = dir.lastIndexOf("/");
      dir = slash < 0 ? "" : dir.slice(0, slash);
    }
  }
}
