import { defineRule } from "../define-rule.js";
import { silenceArgs } from "./silence.js";

export const abandoned = defineRule({
  id: "abandoned",
  feeds: "adopt",
  signal: "monthsSinceLastHumanCommit",
  needs: [],
  points: (p) => p.points.gitAbandoned,
  health: (p) => p.healthPenalties.gitAbandoned,
  doc: "No human commit and no release for two years (git tags stand in for releases when publish times are untrusted), on a package that is not finished: too big, security fixes in its history, open advisories or open bugs. The strongest single fact for adoption, short of the line alone.",
  test: ({ facts, policy }) => {
    if (!facts.abandoned) return null;
    const long = (facts.silence ?? 0) >= policy.registry.longQuietMonths;
    return {
      args: { ...silenceArgs(facts), threshold: `${policy.git.abandonedMonths} months` },
      ...(long ? { health: policy.healthPenalties.longQuiet } : {}),
    };
  },
});
