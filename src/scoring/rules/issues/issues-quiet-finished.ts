import { num } from "../../signal-values.js";
import { defineRule } from "../define-rule.js";

export const issuesQuietFinished = defineRule({
  id: "issuesQuietFinished",
  feeds: "health",
  signal: "issuesPerMonth",
  needs: ["issuesPerMonth", "openIssues"],
  points: () => 0,
  health: () => 0,
  doc: "Few reports and no open bug: a quiet tracker is a finished package, not a dead one.",
  test: ({ signals, policy }) => {
    const open = num(signals, "openIssues");
    const perMonth = num(signals, "issuesPerMonth");
    // Open bugs from the open list itself: a bug older than the window still counts.
    const openBugs = Number(signals.openIssues?.detail?.bugsRead ?? 0);
    if (perMonth === null || open === null) return null;
    if (perMonth > policy.issues.quietPerMonth || openBugs > 0 || open > policy.issues.quietOpenMax)
      return null;
    return { args: { perMonth } };
  },
});
