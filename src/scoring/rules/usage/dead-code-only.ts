import { defineRule } from "../define-rule.js";
import { usageOf } from "./usage-class.js";

export const deadCodeOnly = defineRule({
  id: "deadCodeOnly",
  feeds: "sunset",
  signal: "usageClass",
  needs: ["usageClass"],
  points: (p) => p.usage.points.deadCodeOnly,
  health: () => 0,
  doc: "Imported only by files no entry point reaches: removing it also means deleting those files, and 'unreachable' rests on jenga's reading of entry points, so it is strong but not decisive alone.",
  test: ({ signals }) => {
    const usage = usageOf(signals);
    return usage?.value === "dead-code-only"
      ? { args: { sites: String(usage.detail.firstSite ?? "") } }
      : null;
  },
});
