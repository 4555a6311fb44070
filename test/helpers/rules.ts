import { defaultPolicy, type Policy } from "../../src/scoring/policy.js";
import type { Finding } from "../../src/scoring/reason.js";
import { runRules } from "../../src/scoring/run-rules.js";
import type { SignalSet } from "../../src/signals/compute-signals.js";

/** The findings the rules make of some signals (actions, health facts and notes), in rule order. */
export function ruleFindings(signals: SignalSet, policy: Policy = defaultPolicy): Finding[] {
  return runRules(signals, policy).results.map((r) => r.finding);
}
