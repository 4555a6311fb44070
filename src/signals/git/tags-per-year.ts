import { defineSignal } from "../define-signal.js";
import { yearMs } from "../time.js";

/** The same window as releasesPerYear, so the two can be compared. */
const windowYears = 3;

export const tagsPerYear = defineSignal({
  id: "tagsPerYear",
  needs: ["git"],
  compute({ evidence: { git }, now }) {
    const start = now.getTime() - windowYears * yearMs;
    const recent = git.tags.filter((t) => t.time * 1000 > start && t.time * 1000 <= now.getTime());
    return { value: Math.round((recent.length / windowYears) * 10) / 10 };
  },
});
