import { defineIssueSignal } from "./define-issue-signal.js";
import { issuesDisabled, windowIssues } from "./issue-stats.js";

export const bugShare = defineIssueSignal({
  id: "bugShare",
  needs: ["issues"],
  compute({ evidence: { issues }, now }) {
    if (!issues.hasIssues) return { value: null, note: issuesDisabled };
    const opened = windowIssues(issues, now);
    if (opened.length === 0) return { value: null, note: "no issue opened in the window" };
    const bugs = opened.filter((i) => i.bug);
    const openBugs = bugs.filter((i) => i.closedAt === null).length;
    return {
      value: Math.round((bugs.length / opened.length) * 100) / 100,
      detail: { bugs: bugs.length, openBugs, issues: opened.length },
    };
  },
});
