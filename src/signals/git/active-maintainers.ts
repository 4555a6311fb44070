import { defineSignal } from "../define-signal.js";
import { commitsWithin, humanCommits } from "../git-history.js";

export const activeMaintainers = defineSignal({
  id: "activeMaintainers",
  needs: ["git"],
  compute({ evidence: { git }, now, policy }) {
    const perAuthor = new Map<number, number>();
    for (const c of commitsWithin(humanCommits(git), now, 12))
      perAuthor.set(c.author, (perAuthor.get(c.author) ?? 0) + 1);
    const min = policy.git.activeMaintainerCommits;
    const active = [...perAuthor.values()].filter((n) => n >= min).length;
    return { value: active, detail: { minCommits: min } };
  },
});
