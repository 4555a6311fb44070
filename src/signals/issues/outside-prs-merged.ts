import { defineIssueSignal } from "./define-issue-signal.js";
import { daysBetween, issuesDisabled, median, round1 } from "./issue-stats.js";

export const outsidePrsMerged = defineIssueSignal({
  id: "outsidePrsMerged",
  needs: ["issues"],
  compute({ evidence: { issues }, now }) {
    // Pull requests are read from the issues list, which is not read when the tracker is off.
    if (!issues.hasIssues) return { value: null, note: issuesDisabled };
    const since = Date.parse(issues.coveredSince);
    const outside = issues.pulls.filter((p) => {
      const t = Date.parse(p.createdAt);
      return p.outside && t >= since && t <= now.getTime();
    });
    const merged = outside.flatMap((p) =>
      p.mergedAt ? [daysBetween(p.createdAt, p.mergedAt)] : [],
    );
    const detail: Record<string, number> = { outsidePrs: outside.length };
    const mid = median(merged);
    if (mid !== null) detail.medianDaysToMerge = round1(mid);
    return { value: merged.length, detail };
  },
});
