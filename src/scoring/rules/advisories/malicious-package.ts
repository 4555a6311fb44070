import { defineRule } from "../define-rule.js";
import { maliciousPrefix, openAdvisories } from "./open-advisories.js";

export const maliciousPackage = defineRule({
  id: "maliciousPackage",
  feeds: "sunset",
  signal: "openAdvisories",
  needs: ["openAdvisories"],
  decisive: true,
  points: (p) => p.advisories.points.malicious,
  health: (p) => p.healthPenalties.openAdvisoryCritical,
  doc: "An OSV MAL- record: the installed version is malware. Remove it now.",
  test: ({ signals }) => {
    const open = openAdvisories(signals);
    const ids = [...(open?.fixable ?? []), ...(open?.unfixed ?? [])].filter((id) =>
      id.startsWith(maliciousPrefix),
    );
    return open && ids.length > 0
      ? { args: { ids: ids.join(", "), installed: open.installed } }
      : null;
  },
});
