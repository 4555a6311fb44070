import { bool, note } from "../../signal-values.js";
import { defineRule } from "../define-rule.js";

export const deprecated = defineRule({
  id: "deprecated",
  feeds: "sunset",
  signal: "deprecated",
  needs: ["deprecated"],
  decisive: true,
  points: (p) => p.points.deprecated,
  health: (p) => p.healthPenalties.deprecated,
  doc: "The publisher deprecated the latest version: a decision, not a guess, so it alone reaches sunset.",
  test: ({ signals }) =>
    bool(signals, "deprecated") ? { args: { message: note(signals, "deprecated") } } : null,
});
