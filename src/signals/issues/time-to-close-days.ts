import { defineIssueSignal } from "./define-issue-signal.js";
import { daysBetween, issuesDisabled, median, round1, windowIssues } from "./issue-stats.js";

export const timeToCloseDays = defineIssueSignal({
  id: "timeToCloseDays",
  needs: ["issues"],
  compute({ evidence: { issues }, now }) {
    if (!issues.hasIssues) return { value: null, note: issuesDisabled };
    const opened = windowIssues(issues, now);
    const closed = opened.flatMap((i) =>
      i.closedAt ? [daysBetween(i.createdAt, i.closedAt)] : [],
    );
    const mid = median(closed);
    if (mid === null) return { value: null, note: "no issue opened in the window was closed" };
    return { value: round1(mid), detail: { closed: closed.length, opened: opened.length } };
  },
});
