import { num } from "../../signal-values.js";
import { defineRule } from "../define-rule.js";

export const recentPublish = defineRule({
  id: "recentPublish",
  feeds: "health",
  signal: "monthsSinceLastPublish",
  needs: ["monthsSinceLastPublish"],
  points: () => 0,
  health: () => 0,
  doc: "A release within the quiet line: reassuring evidence of maintenance.",
  test: ({ signals, policy }) => {
    const months = num(signals, "monthsSinceLastPublish", true);
    return months !== null && months < policy.registry.quietMonths ? { args: { months } } : null;
  },
});
