import { num } from "../../signal-values.js";
import { defineRule } from "../define-rule.js";

export const advisoriesNeglected = defineRule({
  id: "advisoriesNeglected",
  feeds: "adopt",
  signal: "neverFixedShare",
  needs: ["neverFixedShare", "advisoriesTotal"],
  points: (p) => p.advisories.points.neglected,
  health: () => 0,
  doc: "Half or more of its advisories (three or more) were never fixed: reports arrive and nobody acts on them.",
  test: ({ signals, policy }) => {
    const a = policy.advisories;
    const total = num(signals, "advisoriesTotal");
    const share = num(signals, "neverFixedShare");
    if (
      total === null ||
      share === null ||
      total < a.minAdvisoriesForShare ||
      share < a.neglectedShare
    )
      return null;
    return {
      args: {
        share: Math.round(share * 100),
        total,
        threshold: Math.round(a.neglectedShare * 100),
      },
    };
  },
});
