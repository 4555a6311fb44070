import { num } from "../../signal-values.js";
import { defineRule } from "../define-rule.js";

export const decliningActivity = defineRule({
  id: "decliningActivity",
  feeds: "adopt",
  signal: "commitTrend",
  needs: ["commitTrend"],
  points: (p) => p.points.decliningActivity,
  health: (p) => p.healthPenalties.decliningActivity,
  doc: "Commits by people halved year on year, from a year busy enough for the ratio to mean something: a warning, not a verdict.",
  test: ({ signals, policy }) => {
    const trend = num(signals, "commitTrend");
    const { last12Months, previous12Months } = signals.commitTrend?.detail ?? {};
    if (trend === null || typeof previous12Months !== "number") return null;
    if (trend > policy.git.decliningRatio || previous12Months < policy.git.decliningMinCommits)
      return null;
    return {
      args: {
        last: last12Months ?? 0,
        previous: previous12Months,
        threshold: `${Math.round(policy.git.decliningRatio * 100)}%`,
      },
    };
  },
});
