import { formatMessage } from "./messages.js";
import type { Policy } from "./policy.js";
import type { Finding } from "./reason.js";
import { type Action, precedence, type Verdict } from "./verdicts.js";

const maxScore = 100;

export function sumScores(findings: Finding[]): Record<Action, number> {
  const scores = { sunset: 0, adopt: 0, fix: 0, rewrite: 0 } satisfies Record<Action, number>;
  for (const f of findings)
    if (f.action) scores[f.action] = Math.min(maxScore, scores[f.action] + f.points);
  return scores;
}

/** The first action in precedence order whose score reaches its threshold, else keep. */
export function decideVerdict(scores: Record<Action, number>, policy: Policy): Verdict {
  return precedence.find((action) => scores[action] >= policy.thresholds[action]) ?? "keep";
}

/**
 * What would change the verdict: the fewest of the verdict's strongest
 * findings that, were they no longer true, would drop it below its threshold,
 * and the verdict that would follow. This is the first thing a reader needs
 * ("would be keep if it were not deprecated"): it names the facts to act on.
 */
export function whatWouldChange(
  findings: Finding[],
  verdict: Verdict,
  policy: Policy,
): Finding | null {
  if (verdict === "keep" || verdict === "unknown") return null;
  const ordered = findings.filter((f) => f.action === verdict).sort((a, b) => b.points - a.points);
  const removed: Finding[] = [];
  let remaining = findings;
  for (const finding of ordered) {
    removed.push(finding);
    remaining = remaining.filter((f) => f !== finding);
    const next = decideVerdict(sumScores(remaining), policy);
    if (next !== verdict) {
      const because = removed.map((f) => formatMessage(f.code, f.args)).join("; and ");
      return {
        signal: "verdict",
        code: "wouldChange",
        args: { verdict: next, because },
        action: null,
        points: 0,
      };
    }
  }
  return null;
}
