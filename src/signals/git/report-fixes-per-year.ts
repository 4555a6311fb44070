import { defineSignal } from "../define-signal.js";
import { monthMs } from "../time.js";

/** Three years: long enough to smooth a busy month, short enough to describe today's package. */
const windowMonths = 36;

export const reportFixesPerYear = defineSignal({
  id: "reportFixesPerYear",
  needs: ["git"],
  compute({ evidence: { git }, now }) {
    if (git.reportFixTimes === undefined)
      return {
        value: null,
        note: "cached before jenga read issue-closing commits; run with --refresh",
      };
    const start = now.getTime() - windowMonths * monthMs;
    const recent = git.reportFixTimes.filter((t) => t * 1000 > start).length;
    const perYear = Math.round((recent / (windowMonths / 12)) * 10) / 10;
    const lines =
      typeof git.sourceLines === "number" && git.sourceLines > 0 ? git.sourceLines : null;
    return {
      value: perYear,
      note: "commits that close a reported issue (fixes #123): a lower bound, many fixes name no issue",
      detail: {
        months: windowMonths,
        commits: recent,
        allTime: git.reportFixTimes.length,
        ...(lines ? { perKloc: Math.round((perYear / (lines / 1000)) * 100) / 100 } : {}),
      },
    };
  },
});
