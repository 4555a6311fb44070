import { num } from "../../signal-values.js";
import { defineRule } from "../define-rule.js";

export const busFactorOne = defineRule({
  id: "busFactorOne",
  feeds: "adopt",
  signal: "busFactor",
  needs: ["busFactor"],
  points: (p) => p.points.busFactorOne,
  health: (p) => p.healthPenalties.busFactorOne,
  doc: "One person made at least half of the human commits of the last three years (CHAOSS's bus factor on a recent window): the project stops when they do. Counted once with sole maintainer; never for a finished package.",
  test: ({ signals, facts, policy }) => {
    const factor = num(signals, "busFactor");
    if (factor === null || factor > policy.git.busFactorOne || facts.finished) return null;
    const { months = policy.git.busFactorWindowMonths, authors = 1 } =
      signals.busFactor?.detail ?? {};
    return { args: { months, authors } };
  },
});
