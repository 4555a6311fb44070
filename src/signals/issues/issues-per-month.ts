import { monthMs } from "../time.js";
import { defineIssueSignal } from "./define-issue-signal.js";
import { issuesDisabled, round1, windowIssues } from "./issue-stats.js";

export const issuesPerMonth = defineIssueSignal({
  id: "issuesPerMonth",
  needs: ["issues"],
  compute({ evidence: { issues }, now }) {
    if (!issues.hasIssues) return { value: null, note: issuesDisabled };
    const opened = windowIssues(issues, now);
    const months = (now.getTime() - Date.parse(issues.coveredSince)) / monthMs;
    if (!(months > 0)) return { value: null, note: "no time covered" };
    const stillOpen = opened.filter((i) => i.closedAt === null).length;
    return {
      value: round1(opened.length / months),
      detail: { opened: opened.length, stillOpen, months: round1(months) },
    };
  },
});
