import { maxOf } from "../../util/extremes.js";
import { defineIssueSignal } from "./define-issue-signal.js";
import { daysBetween, issuesDisabled, median } from "./issue-stats.js";

export const openIssueAgeDays = defineIssueSignal({
  id: "openIssueAgeDays",
  needs: ["issues"],
  compute({ evidence: { issues }, now }) {
    if (!issues.hasIssues) return { value: null, note: issuesDisabled };
    const ages = issues.open.createdAt.map((t) => daysBetween(t, now.getTime()));
    const mid = median(ages);
    if (mid === null) return { value: null, note: "no open issue" };
    const detail = { read: ages.length, oldest: Math.round(maxOf(ages)) };
    // Only the oldest open issues were read: their median overstates the whole backlog's age.
    return issues.open.complete
      ? { value: Math.round(mid), detail }
      : {
          value: Math.round(mid),
          detail,
          trusted: false,
          note: `the oldest ${ages.length} open issues only`,
        };
  },
});
