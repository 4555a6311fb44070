import { GraphBuilder } from "./graph-builder.js";
import { nodeId, stringField } from "./lock-entry.js";
import type { LockInput } from "./lock-input.js";
import { declaredDependencies, importerName, isRecord } from "./manifest.js";
import { originOfSpec } from "./origin.js";
import { parseAlias, quote, splitDescriptor } from "./package-name.js";
import { parseYarnText } from "./parse-text.js";
import type { LockGraph, PackageOrigin, Scope } from "./types.js";

/**
 * yarn.lock v1 (yarn classic). Entries are keyed by every descriptor that
 * resolved to them (`"a@^1, a@^1.2"`); the root and workspaces are not in the
 * lock, so direct dependencies come from their package.json files, matched by
 * descriptor. Workspaces are linked, never locked.
 */
export function parseYarnClassic(input: LockInput): LockGraph {
  const data = parseYarnText(input.text, input.label);
  const builder = new GraphBuilder("yarn-classic", input.file);
  const byDescriptor = new Map<string, string>();
  const entryIds = new Map<Record<string, unknown>, string>();

  for (const [key, entry] of Object.entries(data)) {
    if (!isRecord(entry)) continue;
    // parseSyml splits classic keys already; a hand-edited lock may still hold a list.
    for (const descriptor of key.split(/,\s*/)) {
      const id = entryIds.get(entry) ?? addEntry(descriptor.trim(), entry);
      if (!id) continue;
      entryIds.set(entry, id);
      byDescriptor.set(descriptor.trim(), id);
    }
  }

  const required = new Set<string>();
  for (const [entry, from] of entryIds) {
    for (const [section, type] of [
      ["dependencies", "prod"],
      ["optionalDependencies", "optional"],
    ] as const) {
      const dependencies = entry[section];
      if (!isRecord(dependencies)) continue;
      for (const [name, range] of Object.entries(dependencies)) {
        const to = byDescriptor.get(`${name}@${String(range)}`);
        if (!to) continue;
        required.add(to);
        builder.addEdge(from, to, type);
      }
    }
  }

  if (input.manifests.size === 0) addUnrequiredAsDirect(builder, input, entryIds, required);
  else addImporters(builder, input, byDescriptor);
  return builder.build();

  function addEntry(descriptor: string, entry: Record<string, unknown>): string | null {
    const parsed = splitDescriptor(descriptor);
    const version = stringField(entry, "version");
    if (!parsed || !version) {
      builder.warn(
        `skipped ${quote(descriptor)}: ${parsed ? "no version" : "not a name@range key"}`,
      );
      return null;
    }
    const alias = parseAlias(parsed.range);
    const name = alias?.name ?? parsed.name;
    const resolved = stringField(entry, "resolved");
    const origin = entryOrigin(alias ? "npm:" : parsed.range, resolved, name);
    return builder.addNode(descriptor, {
      name,
      version,
      origin,
      id: nodeId(name, version, origin, resolved ?? parsed.range),
    });
  }
}

/** The range says what was asked (`file:`, a git URL); `resolved` says where a plain range came from. */
function entryOrigin(range: string, resolved: string | undefined, name: string): PackageOrigin {
  const asked = originOfSpec(range, name);
  return asked !== "registry" ? asked : originOfSpec(resolved, name);
}

function addImporters(
  builder: GraphBuilder,
  input: LockInput,
  byDescriptor: Map<string, string>,
): void {
  const workspaceNames = new Set<string>();
  for (const [path, manifest] of input.manifests) {
    if (path !== "" && manifest.name) workspaceNames.add(manifest.name);
  }
  for (const [path, manifest] of input.manifests) {
    const importer = builder.addImporter(
      path,
      importerName(input.manifests, path, input.fallbackName),
    );
    builder.declarePeers(importer, Object.keys(manifest.peerDependencies));
    for (const dependency of declaredDependencies(manifest)) {
      // yarn classic never installs peers; the importer's own copy gets the peer edge (declarePeers).
      if (dependency.type === "peer") continue;
      const to = byDescriptor.get(`${dependency.name}@${dependency.spec}`);
      if (to) builder.addEdge(importer, to, dependency.type);
      else if (!workspaceNames.has(dependency.name) && dependency.type !== "optional") {
        builder.warn(`${quote(path || "(root)")}: ${quote(dependency.name)} is not in the lock`);
      }
    }
  }
}

/** A yarn.lock given alone: what no entry requires must be what the root declared. */
function addUnrequiredAsDirect(
  builder: GraphBuilder,
  input: LockInput,
  entryIds: Map<Record<string, unknown>, string>,
  required: Set<string>,
): void {
  const root = builder.addImporter("", input.fallbackName);
  const type: Scope = "prod";
  for (const id of new Set(entryIds.values()))
    if (!required.has(id)) builder.addEdge(root, id, type);
}
