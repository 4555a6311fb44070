import type { UsageEvidence } from "../../collectors/usage/types.js";
import { defineUsageSignal } from "./define-usage-signal.js";

export const usageClass = defineUsageSignal({
  id: "usageClass",
  needs: ["usage"],
  compute({ evidence: { usage } }) {
    const detail: Record<string, string | number> = {
      roles: usage.roles.join(", "),
      declaredAs: usage.declaredAs.join(", "),
    };
    if (usage.typesShippedBy) detail.typesShippedBy = usage.typesShippedBy;
    const first = usage.sites[0];
    if (first) detail.firstSite = `${first.file}:${first.line}`;
    const spot = usage.blindSpots[0];
    if (spot) detail.blindSpot = `${spot.detail} at ${spot.file}:${spot.line}`;
    const unknown = usage.class === "unknown";
    return {
      value: usage.class,
      trusted: !unknown,
      note: evidenceChain(usage),
      detail,
    };
  },
});

/** The first facts behind the class: `src/a.ts:3 → get`, a script, a config string, or the blind spot. */
function evidenceChain(usage: UsageEvidence): string {
  const facts = [
    ...usage.sites
      .slice(0, 3)
      .map((s) => `${s.file}:${s.line} → ${s.symbols.join(", ") || s.kind}`),
    ...usage.scripts.slice(0, 2).map((s) => `script ${s}`),
    ...usage.configMentions.slice(0, 2),
    ...(usage.typesShippedBy ? [`${usage.typesShippedBy} ships its own types`] : []),
    ...(usage.loadedBy ?? [])
      .slice(0, 2)
      .map((user) => `loaded by ${user}, as its peer dependency`),
    ...usage.blindSpots.slice(0, 2).map((b) => `blind spot: ${b.detail} at ${b.file}:${b.line}`),
  ];
  return facts.length > 0 ? facts.join("; ") : "no import, script or config names it";
}
