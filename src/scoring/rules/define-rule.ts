import type { SignalId } from "../../signals/catalog.js";
import type { SignalSet } from "../../signals/compute-signals.js";
import type { PackageFacts } from "../facts.js";
import type { MessageCode } from "../messages.js";
import type { Policy } from "../policy.js";
import type { Action } from "../verdicts.js";

/**
 * A scoring rule: one named fact, what it feeds, and a pure test. Rules are
 * data (DESIGN.md): `jenga rules` and the glossary list them, and a config can
 * turn one off or change its points by id (`rules.<id>`).
 */
export interface RuleInput {
  signals: SignalSet;
  policy: Policy;
  /** The shared notions (finished, abandoned, tiny…), defined once in ../facts.ts. */
  facts: PackageFacts;
}

/** What a rule found: the values its reason quotes, and points other than its defaults when they scale. */
export interface RuleHit {
  args: Record<string, string | number>;
  /** Points toward the rule's action, when not the rule's default (a discount is negative). */
  points?: number;
  /** Health lost, when not the rule's default. */
  health?: number;
}

export interface Rule {
  /** Also the message code its reason is worded by (src/scoring/messages.ts). */
  id: MessageCode;
  /** The verdict it pushes toward; "health" only costs or explains health; "note" is upkeep advice. */
  feeds: Action | "health" | "note";
  /** The signal its reason rests on (where a reader follows the link). */
  signal: SignalId;
  /** The signals it reads: listed in `jenga rules` so a reader knows what evidence it needs. */
  needs: readonly SignalId[];
  /**
   * A fact that decides even when maintenance evidence is missing (DESIGN.md's decisive facts:
   * deprecated, archived, malicious, unused, an advisory on the installed version).
   */
  decisive?: boolean;
  /** Default points toward `feeds` (0 for health and notes), read from the policy so old configs keep working. */
  points(policy: Policy): number;
  /** Default health lost when it fires (0: a reassuring or neutral fact). */
  health(policy: Policy): number;
  /** One short paragraph: what it checks and why, for `jenga rules` and the glossary. */
  doc: string;
  test(input: RuleInput): RuleHit | null;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

export const none = () => 0;
