import { defineSignal } from "../define-signal.js";
import { commitsWithin, humanCommits } from "../git-history.js";

export const commitTrend = defineSignal({
  id: "commitTrend",
  needs: ["git"],
  compute({ evidence: { git }, now }) {
    const commits = humanCommits(git);
    const last = commitsWithin(commits, now, 12).length;
    const before = commitsWithin(commits, now, 24, 12).length;
    const detail = { last12Months: last, previous12Months: before };
    if (before === 0) return { value: null, note: "no commits in the 12 months before", detail };
    return { value: Math.round((last / before) * 100) / 100, detail };
  },
});
