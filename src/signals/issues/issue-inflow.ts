import type { SeriesPoint } from "../define-signal.js";
import { monthOf, monthsSpanned, monthsUpTo } from "../git-history.js";
import { defineIssueSignal } from "./define-issue-signal.js";
import { daysBetween, issuesDisabled, median, round1, windowIssues } from "./issue-stats.js";

/**
 * The collector's window is two years, which touch 25 calendar months, 26 when
 * the evidence was cached a little before now; more is evidence jenga did not
 * write, cut to the newest months.
 */
const maxMonths = 27;

/**
 * Issues opened per calendar month (UTC) of the covered window, empty months
 * included, with how those issues stand now: `count` opened, `open` still
 * open, and `closeDays`, the median days to close of the ones closed (left out
 * when none is). First responses are sampled from ten issues only, too few
 * for a month-by-month line, so they stay in firstResponseDays.
 */
export const issueInflow = defineIssueSignal({
  id: "issueInflow",
  needs: ["issues"],
  compute({ evidence: { issues }, now }) {
    if (!issues.hasIssues) return { value: null, note: issuesDisabled };
    const since = Date.parse(issues.coveredSince);
    if (!(since <= now.getTime())) return { value: null, note: "no time covered" };
    const months = monthsUpTo(now, Math.min(maxMonths, monthsSpanned(since, now)));
    const byMonth = new Map(
      months.map((m) => [m, { opened: 0, open: 0, closeDays: [] as number[] }]),
    );
    for (const issue of windowIssues(issues, now)) {
      const slot = byMonth.get(monthOf(Date.parse(issue.createdAt)));
      if (!slot) continue;
      slot.opened++;
      if (issue.closedAt) slot.closeDays.push(daysBetween(issue.createdAt, issue.closedAt));
      else slot.open++;
    }
    const value = months.map((month): SeriesPoint => {
      const slot = byMonth.get(month) ?? { opened: 0, open: 0, closeDays: [] };
      const mid = median(slot.closeDays);
      const point = { month, count: slot.opened, open: slot.open };
      return mid === null ? point : { ...point, closeDays: round1(mid) };
    });
    const opened = value.reduce((sum, p) => sum + Number(p.count), 0);
    return { value, detail: { months: months.length, opened } };
  },
});
