import { sourceNames } from "../collectors/sources.js";
import type { SourceName, SourceStatus } from "../collectors/types.js";
import type { SignalSet } from "../signals/compute-signals.js";
import { decideVerdict, sumScores, whatWouldChange } from "./counterfactual.js";
import { findActionFindings } from "./find-actions.js";
import { computeHealth } from "./health.js";
import type { Policy } from "./policy.js";
import type { Finding } from "./reason.js";

export { decideVerdict };

import { type Action, actions, type Verdict } from "./verdicts.js";

export interface PackageScore {
  verdict: Verdict;
  health: number;
  scores: Record<Action, number>;
  /** 0-1: the share of evidence the verdict rests on. */
  confidence: number;
  /** Verdict findings first, strongest first; then the health findings; never empty. */
  findings: Finding[];
}

/** Pure: signals and source statuses in, verdict with its reasons out. */
export function scorePackage(
  signals: SignalSet,
  statuses: Record<SourceName, SourceStatus>,
  policy: Policy,
): PackageScore {
  const actionFindings = findActionFindings(signals, policy);
  const scores = sumScores(actionFindings);

  const verdict = decideVerdict(scores, policy);
  const { health, findings: healthFindings } = computeHealth(signals, policy);
  const forVerdict = actionFindings
    .filter((f) => f.action === verdict)
    .sort((a, b) => b.points - a.points);
  const supporting = healthFindings.filter((h) => !forVerdict.some((f) => f.code === h.code));
  const change = whatWouldChange(actionFindings, verdict, policy);
  const findings = [
    ...(change ? [change] : []),
    ...forVerdict,
    ...contextFindings(signals, statuses, scores, verdict, policy),
    ...supporting,
  ];
  return {
    verdict,
    health,
    scores,
    confidence: computeConfidence(signals, statuses, policy),
    findings,
  };
}

function contextFindings(
  signals: SignalSet,
  statuses: Record<SourceName, SourceStatus>,
  scores: Record<Action, number>,
  verdict: Verdict,
  policy: Policy,
): Finding[] {
  const found: Finding[] = [];
  if (statuses.registry !== "ok") {
    found.push({
      signal: "registry",
      code: "registryUnavailable",
      args: { status: statuses.registry },
      action: null,
      points: 0,
    });
  }
  if (verdict === "keep") {
    const top = actions.reduce((a, b) => (scores[b] > scores[a] ? b : a));
    const args = { action: top, score: scores[top], threshold: policy.thresholds[top] };
    found.push({ signal: "verdict", code: "belowThresholds", args, action: null, points: 0 });
  }
  const times = signals.publishTimesTrusted;
  if (times && times.value === false) {
    found.push({
      signal: "publishTimesTrusted",
      code: "untrustedTimes",
      args: { why: times.note ?? "" },
      action: null,
      points: 0,
    });
  }
  if (signals.maintainers && signals.maintainers.value === null && statuses.registry === "ok") {
    found.push({
      signal: "maintainers",
      code: "strippedMetadata",
      args: {},
      action: null,
      points: 0,
    });
  }
  return found;
}

function computeConfidence(
  signals: SignalSet,
  statuses: Record<SourceName, SourceStatus>,
  policy: Policy,
): number {
  let confidence = 0;
  for (const source of sourceNames)
    if (statuses[source] === "ok") confidence += policy.sourceWeights[source];
  const doubtful =
    signals.publishTimesTrusted?.value === false || signals.maintainers?.trusted === false;
  if (doubtful) confidence -= policy.untrustedPenalty;
  // A computed import left the usage class unknown: the sunset and rewrite evidence is weaker.
  if (signals.usageClass?.value === "unknown") confidence -= policy.usage.unknownConfidencePenalty;
  return Math.round(Math.max(0, confidence) * 100) / 100;
}
