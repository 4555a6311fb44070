import { maxOf } from "../../util/extremes.js";
import { defineSignal } from "../define-signal.js";
import { monthsBetween } from "../time.js";

export const monthsSinceLastTag = defineSignal({
  id: "monthsSinceLastTag",
  needs: ["git"],
  compute({ evidence: { git }, now }) {
    if (git.tags.length === 0) return { value: null, note: "no tags" };
    const latest = maxOf(git.tags.map((t) => t.time));
    return { value: monthsBetween(latest * 1000, now.getTime()) };
  },
});
