import semver from "semver";
import { GraphBuilder } from "./graph-builder.js";
import { nodeId, stringField } from "./lock-entry.js";
import type { LockInput } from "./lock-input.js";
import { declaredDependencies, isRecord } from "./manifest.js";
import { originOfSpec } from "./origin.js";
import { parseAlias, quote } from "./package-name.js";
import type { LockGraph, Scope } from "./types.js";

/**
 * lockfileVersion 1 (npm 5 and 6): a tree of `dependencies` mirroring
 * node_modules, where each entry's `requires` names what it needs and the copy
 * used is the nearest one up the tree. The root's own dependencies are not in
 * the lock; they come from package.json.
 */

interface Level {
  installed: Map<string, { id: string; entry: Record<string, unknown> }>;
  parent: Level | null;
}

export function fromDependencyTree(data: Record<string, unknown>, input: LockInput): LockGraph {
  const builder = new GraphBuilder("npm-lock", input.file);
  const manifest = input.manifests.get("");
  const rootName = stringField(data, "name") ?? manifest?.name ?? input.fallbackName;
  const root = builder.addImporter("", rootName);
  const required = new Set<string>();
  const top = readLevel(isRecord(data.dependencies) ? data.dependencies : {}, null);

  if (manifest) {
    for (const dependency of declaredDependencies(manifest)) {
      const found = top.installed.get(dependency.name);
      if (found) builder.addEdge(root, found.id, dependency.type);
      else if (dependency.type === "prod" || dependency.type === "dev") {
        builder.warn(`${quote("(root)")}: ${quote(dependency.name)} is not in the lock`);
      }
    }
  } else {
    // Without package.json, what nothing else requires must be what the root declared.
    for (const { id, entry } of top.installed.values()) {
      if (!required.has(id)) builder.addEdge(root, id, rootScope(entry));
    }
  }
  return builder.build();

  function readLevel(dependencies: Record<string, unknown>, parent: Level | null): Level {
    const level: Level = { installed: new Map(), parent };
    // Siblings first: an entry may require a package installed beside it.
    for (const [key, entry] of Object.entries(dependencies)) {
      if (!isRecord(entry)) continue;
      const id = addEntry(key, entry);
      if (id) level.installed.set(key, { id, entry });
    }
    for (const { id, entry } of level.installed.values()) {
      const nested = isRecord(entry.dependencies) ? readLevel(entry.dependencies, level) : level;
      const requires = isRecord(entry.requires) ? entry.requires : {};
      for (const name of Object.keys(requires)) {
        const found = lookup(nested, name);
        if (!found) continue;
        required.add(found.id);
        builder.addEdge(id, found.id, found.entry.optional === true ? "optional" : "prod");
      }
    }
    return level;
  }

  function addEntry(key: string, entry: Record<string, unknown>): string | null {
    const version = stringField(entry, "version");
    if (!version) {
      builder.warn(`skipped ${quote(key)}: no version`);
      return null;
    }
    const resolved = stringField(entry, "resolved");
    // Aliases are recorded as `"version": "npm:real@1.2.3"`, git and file sources as their spec.
    const alias = parseAlias(version);
    if (alias) {
      return builder.addNode(key, { name: alias.name, version: alias.range, origin: "registry" });
    }
    const origin = semver.valid(version) ? originOfSpec(resolved, key) : originOfSpec(version, key);
    const id = nodeId(key, version, origin, resolved);
    return builder.addNode(key, { name: key, version, origin, id });
  }
}

function lookup(
  level: Level | null,
  name: string,
): { id: string; entry: Record<string, unknown> } | undefined {
  for (let current = level; current; current = current.parent) {
    const found = current.installed.get(name);
    if (found) return found;
  }
  return undefined;
}

/** v1 flags entries reached only through dev or optional edges; without package.json that is all there is. */
function rootScope(entry: Record<string, unknown>): Scope {
  if (entry.optional === true) return "optional";
  return entry.dev === true ? "dev" : "prod";
}
