import { defineRule, type RuleHit } from "../define-rule.js";

export const soleMaintainer = defineRule({
  id: "soleMaintainer",
  feeds: "adopt",
  signal: "maintainers",
  needs: [],
  points: (p) => p.points.soleMaintainer,
  health: (p) => p.healthPenalties.soleMaintainer,
  doc: "One person can publish it (registry maintainers), or, when the registry hides that, one person made every human commit of the recent window: nobody else can ship a fix. Counted once with the bus factor.",
  test: ({ facts, signals, policy }): RuleHit | null => {
    if (facts.soleMaintainer === "registry") return { args: { from: "registry" } };
    if (facts.soleMaintainer === "git")
      return {
        args: {
          from: "git",
          months: policy.git.soleAuthorMonths,
          commits: Number(signals.recentAuthors?.detail?.commits ?? 0),
        },
      };
    return null;
  },
});
