import { defineSignal } from "../define-signal.js";
import { commitsWithin, humanCommits } from "../git-history.js";

export const commitsLast12Months = defineSignal({
  id: "commitsLast12Months",
  needs: ["git"],
  compute({ evidence: { git }, now }) {
    const commits = humanCommits(git);
    return {
      value: commitsWithin(commits, now, 12).length,
      detail: { previous12Months: commitsWithin(commits, now, 24, 12).length },
    };
  },
});
