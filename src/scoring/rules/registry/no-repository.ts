import { defineRule } from "../define-rule.js";

export const noRepository = defineRule({
  id: "noRepository",
  feeds: "health",
  signal: "repository",
  needs: [],
  points: () => 0,
  health: (p) => p.healthPenalties.noRepository,
  doc: "Declares no source repository: nobody can audit, fix or adopt it.",
  test: ({ signals }) => {
    const repo = signals.repository;
    return repo && repo.value === null && !repo.note?.startsWith("unknown") ? { args: {} } : null;
  },
});
