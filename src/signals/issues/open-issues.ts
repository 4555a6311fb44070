import { defineIssueSignal } from "./define-issue-signal.js";
import { issuesDisabled } from "./issue-stats.js";

export const openIssues = defineIssueSignal({
  id: "openIssues",
  needs: ["issues"],
  compute({ evidence: { issues } }) {
    if (!issues.hasIssues) return { value: null, note: issuesDisabled };
    const { count, complete, bugs } = issues.open;
    if (count === null)
      return { value: null, note: "more open issues than were read, and no count" };
    const detail = { bugsRead: bugs };
    return complete
      ? { value: count, detail }
      : { value: count, detail, note: "counted from the repository's totals" };
  },
});
