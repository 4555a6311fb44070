import { defineRule } from "../define-rule.js";
import { usedFractionOf } from "./used-fraction.js";

export const smallUsedFraction = defineRule({
  id: "smallUsedFraction",
  feeds: "rewrite",
  signal: "usedFraction",
  needs: ["usedFraction"],
  points: (p) => p.usage.points.smallUsedFraction,
  health: () => 0,
  doc: "The project reaches under a tenth of a package that is not tiny: little to own. An untrusted fraction (a file jenga could not follow) may be too low, so it never adds points.",
  test: ({ signals, policy }) => {
    const used = usedFractionOf(signals);
    if (!used || used.fraction >= policy.usage.smallUsedFraction) return null;
    if (!used.trusted || used.totalBytes < policy.usage.minBytesForFraction) return null;
    return { args: used.args };
  },
});
