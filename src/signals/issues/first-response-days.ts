import { defineIssueSignal } from "./define-issue-signal.js";
import { daysBetween, issuesDisabled, median, round1 } from "./issue-stats.js";

export const firstResponseDays = defineIssueSignal({
  id: "firstResponseDays",
  needs: ["issues"],
  compute({ evidence: { issues }, now }) {
    if (!issues.hasIssues) return { value: null, note: issuesDisabled };
    const sampled = issues.issues.filter((i) => i.firstResponseAt !== undefined);
    if (sampled.length === 0) return { value: null, note: "no issue old enough to sample" };
    // An unanswered issue has waited at least its age: counting that keeps silence from looking fast.
    const days = sampled.map((i) => daysBetween(i.createdAt, i.firstResponseAt ?? now.getTime()));
    const unanswered = sampled.filter((i) => i.firstResponseAt === null).length;
    return {
      value: round1(median(days) as number),
      detail: { sampled: sampled.length, unanswered },
    };
  },
});
