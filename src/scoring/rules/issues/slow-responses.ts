import { num } from "../../signal-values.js";
import { defineRule } from "../define-rule.js";
import { responsiveness, stopped } from "./responsiveness.js";

export const slowResponses = defineRule({
  id: "slowResponses",
  feeds: "fix",
  signal: "firstResponseDays",
  needs: ["firstResponseDays", "timeToCloseDays"],
  points: (p) => p.issues.points.slowResponses,
  health: (p) => p.issues.healthPenalties.slowResponses,
  doc: "A first response takes two weeks or more, but issues are answered and closed: upstream is alive and slow; send or fund the fix you need.",
  test: ({ signals, policy }) => {
    if (stopped(signals)) return null;
    const r = responsiveness(signals, policy.issues);
    if (r.silent || r.days === null || r.days < policy.issues.slowResponseDays) return null;
    if (num(signals, "timeToCloseDays") === null) return null;
    return { args: { days: r.days, threshold: policy.issues.slowResponseDays } };
  },
});
