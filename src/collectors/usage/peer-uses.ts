import type { BlindSpot, UsageEvidence } from "./types.js";

type Roles = UsageEvidence["roles"];

export interface PeerUses {
  /** Declared package → the used packages that require it as a peer (they load it, the project does not). */
  loadedBy: Map<string, string[]>;
  /** Optional peers of used packages: a blind spot each, resolved later by the user's code closure. */
  spots: BlindSpot[];
}

/**
 * A declared package that a used package requires as a peer is used by that
 * package, in its roles (`postcss` under `autoprefixer` in a postcss config is
 * config-only; `@babel/core` under a babel preset likewise): the project
 * declares it so the user can load it. Roles are given to `rolesOf` in place,
 * repeatedly, so a peer's own peers follow. An optional peer
 * (`peerDependenciesMeta`) is loaded only if the user wants it (vite's `less`
 * when there are .less files): a blind spot naming the user, which
 * `resolvePeerSpots` settles once the user's code closure is known.
 */
export function peerUses(
  rolesOf: Map<string, Roles>,
  peers: ReadonlyMap<string, readonly string[]>,
  optionalPeers: ReadonlyMap<string, readonly string[]>,
): PeerUses {
  const loadedBy = new Map<string, string[]>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const [user, wanted] of peers) {
      const roles = rolesOf.get(user) ?? [];
      if (roles.length === 0) continue;
      for (const peer of wanted) {
        const own = rolesOf.get(peer);
        if (!own || loadedBy.get(peer)?.includes(user)) continue;
        if (own.length > 0 && !loadedBy.has(peer)) continue; // used by the project itself
        const merged = [...new Set([...own, ...roles])];
        rolesOf.set(peer, merged);
        loadedBy.set(peer, [...(loadedBy.get(peer) ?? []), user]);
        changed = true;
      }
    }
  }
  const spots: BlindSpot[] = [];
  for (const [user, wanted] of optionalPeers) {
    if ((rolesOf.get(user)?.length ?? 0) === 0) continue;
    for (const peer of wanted) {
      if (!rolesOf.has(peer) || (rolesOf.get(peer)?.length ?? 0) > 0) continue;
      spots.push({
        file: "package.json",
        line: 0,
        kind: "peer-requirement",
        detail: `${user} may load it (an optional peer dependency)`,
        candidates: [peer],
        by: user,
      });
    }
  }
  return { loadedBy, spots };
}

/**
 * Settles the optional-peer blind spots once footprints are measured: when
 * the code the project reaches in the user package imports the peer
 * (`ajv-formats` requiring `ajv`), the peer is used in the user's roles;
 * otherwise the spot stays and the peer stays unknown. Changes `packages` in place.
 */
export function resolvePeerSpots(
  packages: Map<string, UsageEvidence>,
  classify: (roles: Roles, spots: BlindSpot[]) => UsageEvidence["class"],
): void {
  for (const usage of packages.values()) {
    const settled = usage.blindSpots.filter((spot) => {
      if (spot.kind !== "peer-requirement" || !spot.by) return false;
      const user = packages.get(spot.by);
      return user?.footprint?.dependencies?.reached.includes(usage.name) === true;
    });
    if (settled.length === 0) continue;
    const users = settled.map((spot) => spot.by as string);
    const roles = users.flatMap((user) => packages.get(user)?.roles ?? []);
    usage.roles = [...new Set([...usage.roles, ...roles])];
    usage.loadedBy = [...new Set([...(usage.loadedBy ?? []), ...users])];
    usage.blindSpots = usage.blindSpots.filter((spot) => !settled.includes(spot));
    if (usage.class === "unknown" || usage.class === "unused") {
      usage.class = classify(usage.roles, usage.blindSpots);
    }
  }
}
