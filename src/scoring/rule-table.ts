import type { Policy } from "./policy.js";
import { allRules } from "./rules/index.js";

/** One rule as `jenga rules` and the glossary show it, with the user's policy applied. */
export interface RuleRow {
  id: string;
  feeds: string;
  /** Points toward its verdict (0 for health facts and notes); "varies" when they scale with the finding. */
  points: number | "varies";
  /** Health it costs when it fires. */
  health: number;
  enabled: boolean;
  decisive: boolean;
  needs: readonly string[];
  doc: string;
}

/** Pure: every rule in order, its points and health cost under `policy`. */
export function ruleTable(policy: Policy): RuleRow[] {
  return allRules.map((rule) => {
    const override = policy.rules[rule.id];
    const defaults = rule.points(policy);
    // A rule whose default is 0 toward an action sets its points per finding (by severity, say).
    const scales = defaults === 0 && rule.feeds !== "health" && rule.feeds !== "note";
    return {
      id: rule.id,
      feeds: rule.feeds,
      points: override?.points ?? (scales ? "varies" : defaults),
      health: override?.health ?? rule.health(policy),
      enabled: override?.enabled !== false,
      decisive: rule.decisive === true,
      needs: rule.needs,
      doc: rule.doc,
    };
  });
}
