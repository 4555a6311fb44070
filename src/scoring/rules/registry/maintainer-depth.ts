import { num } from "../../signal-values.js";
import { defineRule } from "../define-rule.js";

export const maintainerDepth = defineRule({
  id: "maintainerDepth",
  feeds: "health",
  signal: "maintainers",
  needs: ["maintainers"],
  points: () => 0,
  health: () => 0,
  doc: "More than one person can publish it: a fix does not wait on one person.",
  test: ({ signals, policy }) => {
    const count = num(signals, "maintainers");
    return count !== null && count > policy.registry.soleMaintainerCount
      ? { args: { count } }
      : null;
  },
});
