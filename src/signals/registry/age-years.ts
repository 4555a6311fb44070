import { minOf } from "../../util/extremes.js";
import { defineSignal } from "../define-signal.js";
import { assessPublishTimes } from "../publish-times.js";
import { publishTimes } from "../registry-versions.js";
import { yearMs } from "../time.js";

export const ageYears = defineSignal({
  id: "ageYears",
  needs: ["registry"],
  compute({ evidence: { registry }, now }) {
    const created = registry.created ? Date.parse(registry.created) : NaN;
    const first = Number.isFinite(created) ? created : minOf(publishTimes(registry));
    if (!Number.isFinite(first)) return { value: null, trusted: false, note: "no publish times" };
    const { trusted, why } = assessPublishTimes(registry, now);
    const years = Math.round(((now.getTime() - first) / yearMs) * 10) / 10;
    return { value: years, trusted, ...(why ? { note: why } : {}) };
  },
});
