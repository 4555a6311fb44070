import { maxOf } from "../../util/extremes.js";
import { defineSignal } from "../define-signal.js";
import { commitsWithin, humanCommits } from "../git-history.js";

/** Two years: long enough to see more than one release cycle, short enough to be about today's team. */
const windowMonths = 24;

export const topAuthorShare = defineSignal({
  id: "topAuthorShare",
  needs: ["git"],
  compute({ evidence: { git }, now }) {
    const recent = commitsWithin(humanCommits(git), now, windowMonths);
    if (recent.length === 0) return { value: null, note: `no commits in ${windowMonths} months` };
    const perAuthor = new Map<number, number>();
    for (const c of recent) perAuthor.set(c.author, (perAuthor.get(c.author) ?? 0) + 1);
    const top = maxOf(perAuthor.values());
    return {
      value: Math.round((top / recent.length) * 100) / 100,
      detail: { commits: recent.length, authors: perAuthor.size },
    };
  },
});
