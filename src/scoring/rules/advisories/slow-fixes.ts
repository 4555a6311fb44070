import { num } from "../../signal-values.js";
import { defineRule } from "../define-rule.js";

export const slowFixes = defineRule({
  id: "slowFixes",
  feeds: "fix",
  signal: "timeToFix",
  needs: ["timeToFix"],
  points: (p) => p.advisories.points.slowFixes,
  health: () => 0,
  doc: "Advisories take half a year or more to be fixed while upstream is alive: a fix worth sending or funding. For an abandoned package the silence speaks instead.",
  test: ({ signals, policy, facts }) => {
    const days = num(signals, "timeToFix", true);
    if (days === null || days < policy.advisories.slowFixDays || facts.abandoned) return null;
    return { args: { days, threshold: policy.advisories.slowFixDays } };
  },
});
