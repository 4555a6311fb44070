import type { JengaResult, PackageResult } from "../result/types.js";
import type { Verdict } from "../scoring/verdicts.js";

/** A health move smaller than this is noise (one minor finding), not news. */
const minHealthMove = 10;

export interface ResultDiff {
  added: { name: string; verdict: Verdict; health: number | null }[];
  removed: { name: string; verdict: Verdict }[];
  verdictChanged: { name: string; from: Verdict; to: Verdict; reason: string }[];
  healthMoved: { name: string; from: number | null; to: number | null }[];
}

/**
 * Pure: what changed between two JSON results of the same project(s): packages
 * added and removed, verdicts that changed (with the new top reason), and health
 * that moved by ten points or more, or became known or unknown.
 */
export function diffResults(before: JengaResult, after: JengaResult): ResultDiff {
  const old = new Map(before.packages.map((p) => [p.name, p]));
  const now = new Map(after.packages.map((p) => [p.name, p]));
  const diff: ResultDiff = { added: [], removed: [], verdictChanged: [], healthMoved: [] };
  for (const p of after.packages) {
    const was = old.get(p.name);
    if (!was) {
      diff.added.push({ name: p.name, verdict: p.verdict, health: p.health });
      continue;
    }
    if (was.verdict !== p.verdict)
      diff.verdictChanged.push({
        name: p.name,
        from: was.verdict,
        to: p.verdict,
        reason: topReason(p),
      });
    if (healthMoved(was.health, p.health))
      diff.healthMoved.push({ name: p.name, from: was.health, to: p.health });
  }
  for (const p of before.packages)
    if (!now.has(p.name)) diff.removed.push({ name: p.name, verdict: p.verdict });
  return diff;
}

function healthMoved(from: number | null, to: number | null): boolean {
  if (from === null || to === null) return from !== to;
  return Math.abs(to - from) >= minHealthMove;
}

function topReason(p: PackageResult): string {
  return p.reasons[0]?.text ?? "";
}
