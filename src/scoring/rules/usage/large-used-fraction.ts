import { defineRule } from "../define-rule.js";
import { smallWithReplacement } from "./replacement-args.js";
import { usedFractionOf } from "./used-fraction.js";

export const largeUsedFraction = defineRule({
  id: "largeUsedFraction",
  feeds: "rewrite",
  signal: "usedFraction",
  needs: ["usedFraction"],
  points: (p) => -p.usage.points.largeUsedFractionDiscount,
  health: () => 0,
  doc: "The project reaches more than half of its code: a rewrite would redo most of it, so rewrite loses points. Never against a native or one-line replacement of a small package.",
  test: ({ signals, policy, facts }) => {
    const used = usedFractionOf(signals);
    if (!used || used.fraction <= policy.usage.largeUsedFraction) return null;
    if (smallWithReplacement(signals, facts.tiny, policy.advisories.smallBytes)) return null;
    return { args: used.args };
  },
});
