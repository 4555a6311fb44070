import { num } from "../../signal-values.js";
import { defineRule } from "../define-rule.js";
import { responsiveness, stopped } from "./responsiveness.js";

export const reportsPilingUp = defineRule({
  id: "reportsPilingUp",
  feeds: "adopt",
  signal: "firstResponseDays",
  needs: ["openIssues", "firstResponseDays"],
  points: (p) => p.issues.points.reportsPilingUp,
  health: (p) => p.issues.healthPenalties.reportsPilingUp,
  doc: "A backlog of open issues, most recent ones unanswered and most new ones still open: reports are piling up with nobody to triage them.",
  test: ({ signals, policy }) => {
    if (stopped(signals)) return null;
    const open = num(signals, "openIssues");
    const r = responsiveness(signals, policy.issues);
    if (open === null || open < policy.issues.minBacklog || !r.silent || !r.growing) return null;
    const { days, sampled, unanswered, opened, stillOpen, months } = r;
    return {
      args: {
        open,
        stillOpen,
        opened,
        months,
        unanswered,
        sampled,
        days: days ?? "?",
        threshold: policy.issues.absentResponseDays,
      },
    };
  },
});
