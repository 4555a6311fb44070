import { defineSignal } from "../define-signal.js";
import { humanCommits } from "../git-history.js";
import { monthsBetween } from "../time.js";

export const monthsSinceLastHumanCommit = defineSignal({
  id: "monthsSinceLastHumanCommit",
  needs: ["git"],
  compute({ evidence: { git }, now }) {
    const latest = humanCommits(git)[0];
    // The file count travels with the silence: scoring needs both to tell finished from abandoned.
    const detail = { fileCount: git.fileCount };
    if (!latest) return { value: null, note: "no commits by people", detail };
    return { value: monthsBetween(latest.time, now.getTime()), detail };
  },
});
