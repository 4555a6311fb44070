import { sourceNames } from "../collectors/sources.js";
import type { SourceName, SourceStatus } from "../collectors/types.js";
import type { SignalSet } from "../signals/compute-signals.js";
import { decideVerdict, sumScores, whatWouldChange } from "./counterfactual.js";
import type { PackageFacts } from "./facts.js";
import type { Policy } from "./policy.js";
import type { Finding } from "./reason.js";
import { type RuleResult, runRules } from "./run-rules.js";
import { type Action, actions, type Verdict } from "./verdicts.js";

export { decideVerdict };

export interface PackageScore {
  verdict: Verdict;
  /** Null when there is no maintenance evidence: unknown is not healthy. */
  health: number | null;
  scores: Record<Action, number>;
  /** 0-1: the share of evidence the verdict rests on. */
  confidence: number;
  /** Verdict findings first, strongest first; then context, other actions, health facts and notes; never empty. */
  findings: Finding[];
}

/** Full health before any finding; findings only ever subtract. */
const perfectHealth = 100;

/** Pure: signals and source statuses in, verdict with its reasons out. */
export function scorePackage(
  signals: SignalSet,
  statuses: Record<SourceName, SourceStatus>,
  policy: Policy,
): PackageScore {
  const { results, facts, failed } = runRules(signals, policy);
  const actionFindings = results.filter((r) => r.finding.action !== null).map((r) => r.finding);
  const scores = sumScores(actionFindings);
  const verdict = groundedVerdict(decideVerdict(scores, policy), results, facts);
  const health = facts.maintenanceEvidence ? healthOf(results) : null;

  const forVerdict = actionFindings
    .filter((f) => f.action === verdict)
    .sort((a, b) => b.points - a.points);
  const rest = results
    .map((r) => r.finding)
    .filter((f) => !forVerdict.includes(f))
    .sort((a, b) => Number(a.action === null) - Number(b.action === null));
  const change = whatWouldChange(actionFindings, verdict, policy);
  const findings = [
    ...(change ? [change] : []),
    ...forVerdict,
    ...contextFindings(statuses, scores, verdict, facts, policy),
    ...failed.map(
      (rule): Finding => ({
        signal: "verdict",
        code: "internalError",
        args: { rule },
        action: null,
        points: 0,
      }),
    ),
    ...rest,
  ];
  return {
    verdict,
    health,
    scores,
    confidence: computeConfidence(signals, statuses, facts, policy),
    findings,
  };
}

/**
 * Without maintenance evidence a verdict must rest on a decisive fact (deprecated, archived,
 * malicious, unused, an advisory on the installed version, a native replacement); otherwise,
 * and for what would have been `keep`, the honest answer is `unknown`.
 */
function groundedVerdict(verdict: Verdict, results: RuleResult[], facts: PackageFacts): Verdict {
  if (facts.maintenanceEvidence) return verdict;
  const decided = results.some((r) => r.rule.decisive && r.finding.action === verdict);
  return verdict !== "keep" && decided ? verdict : "unknown";
}

function healthOf(results: RuleResult[]): number {
  const lost = results.reduce((sum, r) => sum + r.healthCost, 0);
  return Math.max(0, Math.min(perfectHealth, perfectHealth - lost));
}

function contextFindings(
  statuses: Record<SourceName, SourceStatus>,
  scores: Record<Action, number>,
  verdict: Verdict,
  facts: PackageFacts,
  policy: Policy,
): Finding[] {
  const found: Finding[] = [];
  const context = (signal: Finding["signal"], code: Finding["code"], args: Finding["args"]) =>
    found.push({ signal, code, args, action: null, points: 0 });
  if (verdict === "unknown")
    context("verdict", "notEnoughEvidence", { missing: facts.missing.join("; ") });
  if (statuses.registry !== "ok")
    context("registry", "registryUnavailable", { status: statuses.registry });
  if (verdict === "keep") {
    const top = actions.reduce((a, b) => (scores[b] > scores[a] ? b : a));
    context("verdict", "belowThresholds", {
      action: top,
      score: scores[top],
      threshold: policy.thresholds[top],
    });
  }
  // Mirror facts (rewritten times, stripped maintainers) are said once, in the run notes.
  return found;
}

function computeConfidence(
  signals: SignalSet,
  statuses: Record<SourceName, SourceStatus>,
  facts: PackageFacts,
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
  // No maintenance evidence: whatever else is known, the verdict is half-blind.
  if (!facts.maintenanceEvidence) confidence = Math.min(confidence, policy.untrustedPenalty);
  return Math.round(Math.max(0, confidence) * 100) / 100;
}
