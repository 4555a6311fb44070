import { defineSignal } from "../define-signal.js";
import { humanCommits } from "../git-history.js";
import { monthMs } from "../time.js";

/**
 * People who made the human commits of the policy's window, counted back from the newest
 * human commit: for an active package that is the last two years, and for a silent one the
 * last two years it was worked on, which is who could still pick it up.
 */
export const recentAuthors = defineSignal({
  id: "recentAuthors",
  needs: ["git"],
  compute({ evidence: { git }, policy }) {
    const months = policy.git.soleAuthorMonths;
    const commits = humanCommits(git);
    const newest = commits[0];
    if (!newest) return { value: null, note: "no commits by people" };
    const start = newest.time - months * monthMs;
    const recent = commits.filter((c) => c.time > start);
    const authors = new Set(recent.map((c) => c.author));
    return { value: authors.size, detail: { months, commits: recent.length } };
  },
});
