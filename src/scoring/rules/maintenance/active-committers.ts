import { num } from "../../signal-values.js";
import { defineRule } from "../define-rule.js";

export const activeCommitters = defineRule({
  id: "activeCommitters",
  feeds: "health",
  signal: "activeMaintainers",
  needs: ["activeMaintainers"],
  points: () => 0,
  health: () => 0,
  doc: "Two or more people committed regularly in the last year: a fix does not wait on one person's free time.",
  test: ({ signals, policy }) => {
    const count = num(signals, "activeMaintainers");
    return count !== null && count >= 2
      ? { args: { count, min: policy.git.activeMaintainerCommits } }
      : null;
  },
});
