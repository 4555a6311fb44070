import { bool, num } from "../../signal-values.js";
import { defineRule } from "../define-rule.js";

export const majorsBehind = defineRule({
  id: "majorsBehind",
  feeds: "note",
  signal: "majorsBehind",
  needs: ["majorsBehind", "direct"],
  points: (p) => p.points.perMajorBehind,
  health: () => 0,
  doc: "A direct dependency is one or more major lines behind latest. That is the project's upkeep, not a problem of the package: a note (gateable with gate.failOnMajorsBehind), never a verdict.",
  test: ({ signals }) => {
    // Only a direct dependency's major is the user's to choose; a transitive one is pinned by its parent.
    const behind = bool(signals, "direct") ? num(signals, "majorsBehind") : null;
    if (behind === null || behind <= 0) return null;
    const { installed = "?", latest = "?" } = signals.majorsBehind?.detail ?? {};
    return { args: { behind, installed, latest } };
  },
});
