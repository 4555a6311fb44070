import { num } from "../../signal-values.js";
import { defineRule } from "../define-rule.js";

export const lowActivity = defineRule({
  id: "lowActivity",
  feeds: "adopt",
  signal: "commitsLast12Months",
  needs: ["commitsLast12Months"],
  points: (p) => p.points.lowActivity,
  health: (p) => p.healthPenalties.lowActivity,
  doc: "Fewer than six human commits in the last year on a package too big to be finished: its maintainers are going quiet before they go silent. With one person and real code it reaches adopt.",
  test: ({ signals, policy, facts }) => {
    const commits = num(signals, "commitsLast12Months");
    if (commits === null || commits >= policy.git.lowActivityCommits) return null;
    // Silence has its own rule; a small package is allowed to be quiet.
    if (facts.abandoned || facts.small) return null;
    return { args: { commits, threshold: policy.git.lowActivityCommits } };
  },
});
