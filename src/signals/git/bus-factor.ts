import { defineSignal } from "../define-signal.js";
import { busFactorOf, commitsWithin, humanCommits } from "../git-history.js";

export const busFactor = defineSignal({
  id: "busFactor",
  needs: ["git"],
  compute({ evidence: { git }, now, policy }) {
    const months = policy.git.busFactorWindowMonths;
    const recent = commitsWithin(humanCommits(git), now, months);
    const value = busFactorOf(recent.map((c) => c.author));
    const authors = new Set(recent.map((c) => c.author)).size;
    if (value === null) return { value, note: `no commits by people in ${months} months` };
    return { value, detail: { months, authors, commits: recent.length } };
  },
});
