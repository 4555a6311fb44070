import type { BlindSpot, UsageClass, UsageEvidence, UsageSite } from "./types.js";

type Role = UsageEvidence["roles"][number];

/** The roles a package plays, from its sites and its script and config mentions. */
export function usageRoles(sites: readonly UsageSite[], scripts: number, config: number): Role[] {
  const roles = new Set<Role>();
  for (const site of sites) {
    if (site.role === "test") roles.add("test");
    else if (site.role === "config") roles.add("config");
    else if (site.role === "script") roles.add("script");
    else if (!site.reachable) roles.add("dead-code");
    else roles.add(site.typeOnly ? "types" : "runtime");
  }
  if (scripts > 0) roles.add("script");
  if (config > 0) roles.add("config");
  return [...roles];
}

/**
 * One class per package, the strongest use first: running in production
 * beats types, which beat tests, config, scripts and dead code. A package with
 * no use is `unused` only when no blind spot could hide one; else `unknown`.
 */
export function classifyUsage(
  roles: readonly Role[],
  blindSpots: readonly BlindSpot[],
  declared: boolean,
  /** False when a computed relative import may reach a file jenga calls dead. */
  deadCodeKnown: boolean,
): UsageClass {
  if (!declared) return "undeclared";
  const order: [Role, UsageClass][] = [
    ["runtime", "runtime"],
    ["types", "type-only"],
    ["test", "test-only"],
    ["config", "config-only"],
    ["script", "script-only"],
  ];
  for (const [role, usageClass] of order) if (roles.includes(role)) return usageClass;
  if (blindSpots.length > 0) return "unknown";
  if (!roles.includes("dead-code")) return "unused";
  return deadCodeKnown ? "dead-code-only" : "unknown";
}

/** The blind spots that could hide a use of `name`: those naming it, its prefix, or anything. */
export function blindSpotsFor(name: string, spots: readonly BlindSpot[]): BlindSpot[] {
  return spots.filter((spot) => {
    if (spot.candidates) return spot.candidates.includes(name);
    if (spot.prefix) return name.startsWith(spot.prefix) || spot.prefix.startsWith(name);
    return true;
  });
}
