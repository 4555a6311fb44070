import { defineRule } from "../define-rule.js";

export const readmeLookingForMaintainers = defineRule({
  id: "readmeLookingForMaintainers",
  feeds: "adopt",
  signal: "maintenanceNotice",
  needs: ["maintenanceNotice"],
  points: (p) => p.issues.points.lookingForMaintainers,
  health: (p) => p.issues.healthPenalties.readmeLookingForMaintainers,
  doc: "Its README asks for new maintainers: an open invitation to adopt it.",
  test: ({ signals }) =>
    signals.maintenanceNotice?.value === "looking-for-maintainers" &&
    signals.archived?.value !== true
      ? {
          args: {
            text: signals.maintenanceNotice.note ?? "",
            from: String(signals.maintenanceNotice.detail?.from ?? "its README"),
          },
        }
      : null,
});
