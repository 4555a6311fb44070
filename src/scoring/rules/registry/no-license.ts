import { defineRule } from "../define-rule.js";

export const noLicense = defineRule({
  id: "noLicense",
  feeds: "health",
  signal: "license",
  needs: [],
  points: () => 0,
  health: (p) => p.healthPenalties.noLicense,
  doc: "Declares no license: nobody may legally fork or fix it.",
  test: ({ signals }) => {
    const license = signals.license;
    return license && license.value === null && !license.note?.startsWith("unknown")
      ? { args: {} }
      : null;
  },
});
