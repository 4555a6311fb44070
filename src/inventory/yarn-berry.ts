import { GraphBuilder } from "./graph-builder.js";
import { nodeId, stringField } from "./lock-entry.js";
import type { LockInput } from "./lock-input.js";
import { declaredType, isRecord } from "./manifest.js";
import { originOfSpec } from "./origin.js";
import { quote, splitDescriptor } from "./package-name.js";
import { parseYarnText } from "./parse-text.js";
import type { LockGraph, PackageOrigin, Scope } from "./types.js";

/**
 * yarn.lock of yarn 2+ (a `__metadata` block, YAML). Every entry has a
 * `resolution` locator (`name@npm:1.2.3`); workspaces are entries too
 * (`name@workspace:path`) and are the importers. Their entries merge
 * dependencies and devDependencies, so the edge type comes from package.json.
 */

interface Target {
  id: string;
  importer: boolean;
}

interface Resolved {
  from: string;
  to: string;
  name: string;
}

export function parseYarnBerry(input: LockInput): LockGraph {
  const data = parseYarnText(input.text, input.label);
  const builder = new GraphBuilder("yarn-berry", input.file);
  const byDescriptor = new Map<string, Target>();
  const entries: [Target, Record<string, unknown>, string][] = [];

  for (const [key, entry] of Object.entries(data)) {
    if (key === "__metadata" || !isRecord(entry)) continue;
    const target = addEntry(key, entry);
    if (!target) continue;
    entries.push([target, entry, stringField(entry, "resolution") ?? ""]);
    for (const descriptor of key.split(/,\s*/)) {
      byDescriptor.set(descriptor, target);
      // `file:` and `link:` descriptors are bound to the workspace that declared them.
      const loose = descriptor.replace(/::locator=.*$/, "");
      if (!byDescriptor.has(loose)) byDescriptor.set(loose, target);
    }
  }

  const resolved: Resolved[] = [];
  const peersOf = new Map<string, string[]>();
  for (const [from, entry, resolution] of entries) {
    const path = from.importer ? workspacePath(resolution) : null;
    const manifest = path === null ? undefined : input.manifests.get(path);
    const dependencies = isRecord(entry.dependencies) ? entry.dependencies : {};
    for (const [name, range] of Object.entries(dependencies)) {
      const descriptor = `${name}@${String(range)}`;
      const to =
        byDescriptor.get(descriptor) ??
        byDescriptor.get(`${descriptor}::locator=${encodeURIComponent(resolution)}`);
      if (!to) {
        builder.warn(`${quote(resolution)}: ${quote(descriptor)} is not in the lock`);
        continue;
      }
      if (to.importer) continue;
      const optional = isOptional(entry, name);
      const type: Scope = optional
        ? "optional"
        : from.importer
          ? declaredType(manifest, name)
          : "prod";
      builder.addEdge(from.id, to.id, type);
      resolved.push({ from: from.id, to: to.id, name });
    }
    const peers = isRecord(entry.peerDependencies) ? Object.keys(entry.peerDependencies) : [];
    if (from.importer) builder.declarePeers(from.id, peers);
    else if (peers.length > 0) peersOf.set(from.id, peers);
  }
  addPeerEdges(builder, resolved, peersOf);
  return builder.build();

  function addEntry(key: string, entry: Record<string, unknown>): Target | null {
    const resolution = stringField(entry, "resolution");
    const locator = resolution ? splitDescriptor(resolution) : null;
    if (!locator) {
      builder.warn(`skipped ${quote(key)}: no resolution`);
      return null;
    }
    if (locator.range.startsWith("workspace:")) {
      const path = workspacePath(resolution ?? "");
      const name = input.manifests.get(path)?.name ?? locator.name;
      return { id: builder.addImporter(path, name), importer: true };
    }
    const version = stringField(entry, "version");
    if (!version) {
      builder.warn(`skipped ${quote(key)}: no version`);
      return null;
    }
    const origin = originOfReference(locator.range, locator.name);
    const id = nodeId(locator.name, version, origin, locator.range);
    const added = builder.addNode(key, { name: locator.name, version, origin, id });
    return added ? { id: added, importer: false } : null;
  }
}

/** `name@workspace:packages/app` → `packages/app`; the root is `workspace:.`. */
function workspacePath(resolution: string): string {
  const path = resolution.slice(resolution.indexOf("@workspace:", 1) + "@workspace:".length);
  return path === "." ? "" : path.replace(/^\.\//, "");
}

/**
 * A patched package (`patch:fsevents@npm%3A2.3.3#...`, which yarn applies to
 * fsevents, typescript and resolve on its own) comes from wherever its inner
 * locator does.
 */
function originOfReference(reference: string, name: string): PackageOrigin {
  if (reference.startsWith("patch:")) {
    const inner = splitDescriptor(
      decodeURIComponent(reference.slice("patch:".length).split("#")[0] ?? ""),
    );
    return inner ? originOfReference(inner.range, inner.name) : "file";
  }
  return originOfSpec(reference, name);
}

/** Berry moves optionalDependencies into `dependencies` and marks them in `dependenciesMeta`. */
function isOptional(entry: Record<string, unknown>, name: string): boolean {
  const meta = isRecord(entry.dependenciesMeta) ? entry.dependenciesMeta[name] : undefined;
  return isRecord(meta) && meta.optional === true;
}

/**
 * The lock keeps peer dependencies as ranges: the copy used is the one the
 * dependent's parent depends on, as yarn resolves them. One pass over the
 * resolved edges, indexed by parent.
 */
function addPeerEdges(
  builder: GraphBuilder,
  resolved: Resolved[],
  peersOf: Map<string, string[]>,
): void {
  if (peersOf.size === 0) return;
  const childrenOf = new Map<string, Map<string, string>>();
  for (const edge of resolved) {
    const children = childrenOf.get(edge.from) ?? new Map<string, string>();
    childrenOf.set(edge.from, children);
    children.set(edge.name, edge.to);
  }
  for (const edge of resolved) {
    for (const peer of peersOf.get(edge.to) ?? []) {
      const provided = childrenOf.get(edge.from)?.get(peer);
      if (provided) builder.addEdge(edge.to, provided, "peer");
    }
  }
}
