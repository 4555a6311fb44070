import { defineRule } from "../define-rule.js";
import { replacementOf } from "./replacement-args.js";

export const microUtilityReplacement = defineRule({
  id: "microUtilityReplacement",
  feeds: "rewrite",
  signal: "replacement",
  needs: ["replacement"],
  decisive: true,
  points: (p) => p.usage.points.microUtilityReplacement,
  health: () => 0,
  doc: "A line or two of code replaces it (e18e's micro-utilities): inline it.",
  test: ({ signals }) => {
    const args = replacementOf(signals, "micro-utility");
    return args ? { args } : null;
  },
});
