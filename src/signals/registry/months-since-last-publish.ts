import { maxOf } from "../../util/extremes.js";
import { defineSignal } from "../define-signal.js";
import { assessPublishTimes } from "../publish-times.js";
import { publishTimes } from "../registry-versions.js";
import { monthsBetween } from "../time.js";

export const monthsSinceLastPublish = defineSignal({
  id: "monthsSinceLastPublish",
  needs: ["registry"],
  compute({ evidence: { registry }, now }) {
    const times = publishTimes(registry);
    if (times.length === 0) return { value: null, trusted: false, note: "no publish times" };
    const months = monthsBetween(maxOf(times), now.getTime());
    const { trusted, why } = assessPublishTimes(registry, now);
    return { value: months, trusted, ...(why ? { note: why } : {}) };
  },
});
