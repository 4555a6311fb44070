import { defineRule } from "../define-rule.js";

export const recentCommit = defineRule({
  id: "recentCommit",
  feeds: "health",
  signal: "monthsSinceLastHumanCommit",
  needs: ["monthsSinceLastHumanCommit"],
  points: () => 0,
  health: () => 0,
  doc: "A commit by a person within the abandonment line: reassuring evidence of maintenance.",
  test: ({ facts, policy }) => {
    const months = facts.commitSilence;
    return months !== null && months < policy.git.abandonedMonths ? { args: { months } } : null;
  },
});
