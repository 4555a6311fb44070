import { defineRule } from "../define-rule.js";
import { silenceArgs } from "./silence.js";

export const abandonedWithSuccessor = defineRule({
  id: "abandonedWithSuccessor",
  feeds: "sunset",
  signal: "monthsSinceLastHumanCommit",
  needs: [],
  points: (p) => p.points.abandonedWithSuccessor,
  health: () => 0,
  doc: "Abandoned (see abandoned) while a maintained alternative is known: e18e's preferred replacements, or a successor its publisher names in a deprecation message or README. Moving is cheaper than adopting, so this outscores the adopt points of the same silence.",
  test: ({ facts }) => {
    if (!facts.abandoned || !facts.successor) return null;
    return {
      args: { ...silenceArgs(facts), successor: facts.successor.name, from: facts.successor.from },
    };
  },
});
