import { defineSignal } from "../define-signal.js";
import { commitsWithin, humanCommits } from "../git-history.js";

export const recentAuthors = defineSignal({
  id: "recentAuthors",
  needs: ["git"],
  compute({ evidence: { git }, now, policy }) {
    const months = policy.git.soleAuthorMonths;
    const recent = commitsWithin(humanCommits(git), now, months);
    const authors = new Set(recent.map((c) => c.author));
    return { value: authors.size, detail: { months, commits: recent.length } };
  },
});
