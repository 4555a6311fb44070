import { defineRule } from "../define-rule.js";

export const repoArchived = defineRule({
  id: "repoArchived",
  feeds: "sunset",
  signal: "archived",
  needs: ["archived"],
  decisive: true,
  points: (p) => p.issues.points.archived,
  health: (p) => p.issues.healthPenalties.repoArchived,
  doc: "Its repository is archived: read-only, nothing will be fixed upstream. Plan its removal.",
  test: ({ signals }) =>
    signals.archived?.value === true ? { args: { repository: signals.archived.note ?? "" } } : null,
});
