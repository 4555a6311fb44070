import { num } from "../../signal-values.js";
import { defineRule } from "../define-rule.js";

export const widelyDepended = defineRule({
  id: "widelyDepended",
  feeds: "adopt",
  signal: "dependents",
  needs: ["dependents"],
  points: (p) => p.points.widelyDepended,
  health: () => 0,
  doc: "Many packages in your own tree depend on it: removing it is not a local decision, so its maintenance is worth securing.",
  test: ({ signals, policy }) => {
    const dependents = num(signals, "dependents") ?? 0;
    if (dependents < policy.registry.widelyDependedBy) return null;
    return { args: { dependents, threshold: policy.registry.widelyDependedBy } };
  },
});
