import type { UsageClass, UsageEvidence } from "./types.js";

/** Strongest use first: a package used at runtime in one project is a runtime dependency of the portfolio. */
const strength: readonly UsageClass[] = [
  "runtime",
  "type-only",
  "test-only",
  "config-only",
  "script-only",
  "undeclared",
  "dead-code-only",
  "unknown",
  "unused",
];

/** Merges the usage of several projects by package name: sites and facts joined, the strongest class kept. */
export function mergeUsage(
  projects: readonly Map<string, UsageEvidence>[],
): Map<string, UsageEvidence> {
  const merged = new Map<string, UsageEvidence>();
  for (const packages of projects) {
    for (const [name, usage] of packages) {
      const seen = merged.get(name);
      if (!seen) {
        merged.set(name, usage);
        continue;
      }
      merged.set(name, {
        ...seen,
        class:
          strength.indexOf(usage.class) < strength.indexOf(seen.class) ? usage.class : seen.class,
        declaredAs: [...new Set([...seen.declaredAs, ...usage.declaredAs])],
        roles: [...new Set([...seen.roles, ...usage.roles])],
        sites: [...seen.sites, ...usage.sites],
        symbols: [...new Set([...seen.symbols, ...usage.symbols])].sort(),
        scripts: [...seen.scripts, ...usage.scripts],
        configMentions: [...seen.configMentions, ...usage.configMentions],
        blindSpots: [...seen.blindSpots, ...usage.blindSpots],
      });
    }
  }
  return merged;
}
