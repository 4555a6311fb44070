import type { SignalSet } from "../signals/compute-signals.js";
import { computeFacts, type PackageFacts } from "./facts.js";
import type { Policy } from "./policy.js";
import type { Finding } from "./reason.js";
import type { Rule } from "./rules/define-rule.js";
import { allRules } from "./rules/index.js";
import { actions } from "./verdicts.js";

/** One rule that fired: its finding, the health it costs, and whether it decides without maintenance evidence. */
export interface RuleResult {
  rule: Rule;
  finding: Finding;
  healthCost: number;
}

/**
 * Runs every enabled rule whose signals are known. Pure: signals and the
 * user's policy in (its `rules.<id>` overrides applied), fired rules out.
 */
export function runRules(
  signals: SignalSet,
  policy: Policy,
): { results: RuleResult[]; facts: PackageFacts; failed: string[] } {
  const facts = computeFacts(signals, policy);
  const results: RuleResult[] = [];
  const failed: string[] = [];
  for (const rule of allRules) {
    const override = policy.rules[rule.id];
    if (override?.enabled === false) continue;
    if (rule.needs.some((id) => signals[id] === undefined || signals[id]?.value === null)) continue;
    const hit = testGuarded(rule, { signals, policy, facts });
    if (hit === "failed") failed.push(rule.id);
    if (!hit || hit === "failed") continue;
    const action = (actions as readonly string[]).includes(rule.feeds)
      ? (rule.feeds as Finding["action"])
      : null;
    const points = action ? (override?.points ?? hit.points ?? rule.points(policy)) : 0;
    const healthCost = override?.health ?? hit.health ?? rule.health(policy);
    results.push({
      rule,
      finding: {
        signal: rule.signal,
        code: rule.id,
        args: hit.args,
        action,
        points: action ? points : 0 - healthCost,
      },
      healthCost,
    });
  }
  return { results: countEachFactOnce(results), facts, failed };
}

/**
 * Different sources see the same fact: one publisher and a bus factor of one
 * are one fact. Each such fact counts once, at its strongest, so that it can
 * never add up to "adopt" by being measured twice.
 */
const sameFact: readonly (readonly string[])[] = [["soleMaintainer", "busFactorOne"]];

export function countEachFactOnce(results: RuleResult[]): RuleResult[] {
  const drop = new Set<RuleResult>();
  for (const codes of sameFact) {
    const group = results.filter((r) => codes.includes(r.rule.id));
    const strongest = group.reduce<RuleResult | null>(
      (best, r) => (!best || r.finding.points > best.finding.points ? r : best),
      null,
    );
    for (const r of group) if (r !== strongest) drop.add(r);
  }
  return results.filter((r) => !drop.has(r));
}

/** A rule that throws on a stranger's odd values fails for that package, said in its reasons; never the run. */
function testGuarded(
  rule: Rule,
  input: Parameters<Rule["test"]>[0],
): ReturnType<Rule["test"]> | "failed" {
  try {
    return rule.test(input);
  } catch {
    return "failed";
  }
}
