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
    // In a monorepo, say whose issues these are: the package's label, or the whole repository's.
    const scope = issues.scope === undefined ? undefined : scopeNote(issues.scope);
    return {
      value: round1(opened.length / months),
      detail: { opened: opened.length, stillOpen, months: round1(months) },
      ...(scope ? { note: scope } : {}),
    };
  },
});

function scopeNote(scope: string): string {
  return scope === "repository"
    ? "the whole monorepo's issues: no label names this package"
    : `issues with the ${scope.replace(/^label /, "label ")} only`;
}
