import { defineSignal } from "../define-signal.js";
import { humanCommits, monthlyActivity, seriesMonths } from "../git-history.js";

export const commitsPerMonth = defineSignal({
  id: "commitsPerMonth",
  needs: ["git"],
  compute({ evidence: { git }, now }) {
    const { series, totalMonths } = monthlyActivity(humanCommits(git), now, seriesMonths);
    if (series.length === 0) return { value: null, note: "no commits by people" };
    const detail = { months: series.length, totalMonths };
    if (totalMonths > seriesMonths)
      return { value: series, note: `last ${seriesMonths} of ${totalMonths} months`, detail };
    return { value: series, detail };
  },
});
