import type { InventoryPackage } from "../../inventory/types.js";
import type { RegistryEvidence } from "../registry/types.js";
import type { ProjectManifest } from "./analyze-usage.js";

/** Package → the peers it requires, and those it marks optional, as installed package.json files would say. */
export interface PeerFacts {
  peers: Map<string, string[]>;
  optionalPeers: Map<string, string[]>;
}

/** A package's registry evidence (the usage source `needs` the registry), or null when it has none. */
export type RegistryLookup = (pkg: InventoryPackage) => Promise<RegistryEvidence | null>;

/**
 * Without node_modules no installed package.json says what each package
 * wants as a peer, so the lockfile graph stands in: a declared package that
 * another declared package's lockfile edges reach is loaded through it (npm
 * 7+, pnpm and yarn berry lockfiles resolve peers into those edges). The
 * graph cannot tell a peer from a plain dependency the project also
 * declares, so either is kept from `unused`: a wrong "used" costs a review,
 * a wrong "unused" a broken build. Changes `peers` in place.
 */
export function addLockfilePeers(
  peers: Map<string, string[]>,
  manifests: readonly ProjectManifest[],
  graph: ReadonlyMap<string, InventoryPackage>,
): void {
  const declared = new Set(manifests.flatMap((m) => Object.keys(declaredSections(m.data))));
  for (const name of declared) {
    const edges = graph.get(name)?.dependencies.filter((d) => d !== name && declared.has(d)) ?? [];
    if (edges.length > 0) merge(peers, name, edges);
  }
}

/**
 * The peers of every direct dependency as the registry publishes them for its
 * resolved versions: what its installed package.json would say. Yarn classic
 * and npm v1 lockfiles record no peers, and no lockfile says which peers are
 * optional, so a project read before `npm install` takes them from here. A
 * package without registry evidence (offline and not cached, a git
 * dependency) adds nothing: the lockfile graph is then all there is.
 */
export async function packumentPeers(
  packages: readonly InventoryPackage[],
  registryOf: RegistryLookup,
): Promise<PeerFacts> {
  const found: PeerFacts = { peers: new Map(), optionalPeers: new Map() };
  const direct = packages.filter((p) => p.direct);
  const evidence = await Promise.all(direct.map((p) => registryOf(p).catch(() => null)));
  direct.forEach((pkg, i) => {
    for (const version of pkg.versions) {
      const record = evidence[i]?.versions[version];
      if (record?.peers) merge(found.peers, pkg.name, record.peers);
      if (record?.optionalPeers) merge(found.optionalPeers, pkg.name, record.optionalPeers);
    }
  });
  return found;
}

/** Adds `from`'s peers to `into`'s (the facts read from node_modules, empty without it). Changes `into` in place. */
export function addPeerFacts(into: PeerFacts, from: PeerFacts): void {
  for (const [name, peers] of from.peers) merge(into.peers, name, peers);
  for (const [name, peers] of from.optionalPeers) merge(into.optionalPeers, name, peers);
}

function merge(map: Map<string, string[]>, name: string, more: readonly string[]): void {
  map.set(name, [...new Set([...(map.get(name) ?? []), ...more])]);
}

function declaredSections(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of [
    "dependencies",
    "devDependencies",
    "optionalDependencies",
    "peerDependencies",
  ]) {
    const section = data[key];
    if (section && typeof section === "object") Object.assign(out, section);
  }
  return out;
}
