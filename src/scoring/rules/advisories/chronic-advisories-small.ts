import { formatBytes } from "../../messages.js";
import { num } from "../../signal-values.js";
import { defineRule } from "../define-rule.js";

export const chronicAdvisoriesSmall = defineRule({
  id: "chronicAdvisoriesSmall",
  feeds: "rewrite",
  signal: "advisoriesLast3Years",
  needs: ["advisoriesLast3Years"],
  points: (p) => p.advisories.points.chronicSmall,
  health: () => 0,
  doc: "A small package that keeps getting advisories (one a year or more over three years): owning the little code is cheaper than tracking its holes.",
  test: ({ signals, policy }) => {
    const a = policy.advisories;
    const rate = num(signals, "advisoriesLast3Years");
    const size = num(signals, "unpackedSize");
    if (rate === null || rate < a.chronicPerYear || size === null || size >= a.smallBytes)
      return null;
    const years = signals.advisoriesLast3Years?.detail?.years ?? "?";
    return {
      args: {
        rate,
        years,
        size: formatBytes(size),
        threshold: a.chronicPerYear,
        small: formatBytes(a.smallBytes),
      },
    };
  },
});
