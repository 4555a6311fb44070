import { defineSignal } from "../define-signal.js";
import { monthMs } from "../time.js";

export const securityFixCommits = defineSignal({
  id: "securityFixCommits",
  needs: ["git"],
  compute({ evidence: { git }, now, policy }) {
    const months = policy.git.securityLookbackMonths;
    const start = now.getTime() - months * monthMs;
    const recent = git.securityFixTimes.filter((t) => t * 1000 > start);
    return {
      value: recent.length,
      detail: { months, allTime: git.securityFixTimes.length },
    };
  },
});
