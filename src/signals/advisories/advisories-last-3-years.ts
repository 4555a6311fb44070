import { undatedAdvisories } from "../advisory-versions.js";
import { defineSignal } from "../define-signal.js";
import { yearMs } from "../time.js";

/** Three years, as releasesPerYear: long enough to smooth a burst, short enough to be today's project. */
const windowYears = 3;

export const advisoriesLast3Years = defineSignal({
  id: "advisoriesLast3Years",
  needs: ["advisories"],
  compute({ evidence: { advisories }, now }) {
    // Undated advisories would count as none in the window: unknown, not zero.
    const undated = undatedAdvisories(advisories);
    if (undated) return { value: null, note: undated };
    const since = now.getTime() - windowYears * yearMs;
    const recent = advisories.advisories.filter((a) => {
      const t = a.published ? Date.parse(a.published) : Number.NaN;
      return t >= since && t <= now.getTime();
    });
    return {
      value: Math.round((recent.length / windowYears) * 10) / 10,
      detail: { count: recent.length, years: windowYears },
    };
  },
});
