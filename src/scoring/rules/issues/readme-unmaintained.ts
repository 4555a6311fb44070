import { defineRule } from "../define-rule.js";

export const readmeUnmaintained = defineRule({
  id: "readmeUnmaintained",
  feeds: "sunset",
  signal: "maintenanceNotice",
  needs: ["maintenanceNotice"],
  decisive: true,
  points: (p) => p.issues.points.readmeUnmaintained,
  health: (p) => p.issues.healthPenalties.readmeUnmaintained,
  doc: "Its README says it is deprecated, archived or no longer maintained: the maintainers' own word.",
  test: ({ signals }) => {
    const notice = signals.maintenanceNotice;
    const kind = notice?.value;
    if (kind !== "unmaintained" && kind !== "deprecated" && kind !== "archived") return null;
    return {
      args: { kind, text: notice?.note ?? "", from: String(notice?.detail?.from ?? "its README") },
    };
  },
});
