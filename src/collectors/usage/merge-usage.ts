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
        ...mergeMisplaced(seen.misplaced, usage.misplaced),
      });
    }
  }
  return merged;
}

/** Two projects' misplacements joined; each names workspace folders relative to its own root. */
function mergeMisplaced(
  a: UsageEvidence["misplaced"],
  b: UsageEvidence["misplaced"],
): Pick<UsageEvidence, "misplaced"> {
  if (!a || !b) return a || b ? { misplaced: a ?? b } : {};
  const join = (x: string[], y: string[]) => [...new Set([...x, ...y])].sort();
  return {
    misplaced: {
      declaredNotUsed: join(a.declaredNotUsed, b.declaredNotUsed),
      usedNotDeclared: join(a.usedNotDeclared, b.usedNotDeclared),
    },
  };
}
