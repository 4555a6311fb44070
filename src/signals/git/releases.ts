import { defineSignal } from "../define-signal.js";
import { monthOf, monthsUpTo, seriesMonths } from "../git-history.js";

/** Tags per month (tagger date, else the tagged commit's), months with none left out, oldest first. */
export const releases = defineSignal({
  id: "releases",
  needs: ["git"],
  compute({ evidence: { git }, now }) {
    const window = new Set(monthsUpTo(now, seriesMonths));
    const perMonth = new Map<string, number>();
    let older = 0;
    for (const tag of git.tags) {
      const ms = tag.time * 1000;
      if (ms > now.getTime()) continue;
      const month = monthOf(ms);
      if (window.has(month)) perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
      else older++;
    }
    if (git.tags.length === 0) return { value: null, note: "no tags" };
    const value = [...perMonth]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([month, count]) => ({ month, count }));
    const detail = { tags: git.tags.length, olderThanWindow: older };
    return older > 0
      ? { value, note: `tags of the last ${seriesMonths} months; ${older} older`, detail }
      : { value, detail };
  },
});
