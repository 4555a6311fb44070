import { defineRule } from "../define-rule.js";
import { usageOf } from "./usage-class.js";

export const usageUnknown = defineRule({
  id: "usageUnknown",
  feeds: "note",
  signal: "usageClass",
  needs: ["usageClass"],
  points: () => 0,
  health: () => 0,
  doc: "No import found, but a blind spot (a computed import, a file that did not parse) means it may be used: never called unused.",
  test: ({ signals }) => {
    const usage = usageOf(signals);
    return usage?.value === "unknown"
      ? { args: { blindSpot: String(usage.detail.blindSpot ?? "a blind spot") } }
      : null;
  },
});
