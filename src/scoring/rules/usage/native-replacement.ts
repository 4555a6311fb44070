import { defineRule } from "../define-rule.js";
import { replacementOf } from "./replacement-args.js";

export const nativeReplacement = defineRule({
  id: "nativeReplacement",
  feeds: "rewrite",
  signal: "replacement",
  needs: ["replacement"],
  decisive: true,
  points: (p) => p.usage.points.nativeReplacement,
  health: () => 0,
  doc: "The platform covers it (e18e's native replacements): use the native API and remove the package, whether or not jenga read your code.",
  test: ({ signals }) => {
    const args = replacementOf(signals, "native");
    return args ? { args } : null;
  },
});
