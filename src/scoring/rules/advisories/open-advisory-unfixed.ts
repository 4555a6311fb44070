import { defineRule } from "../define-rule.js";
import { maliciousPrefix, openAdvisories } from "./open-advisories.js";

export const openAdvisoryUnfixed = defineRule({
  id: "openAdvisoryUnfixed",
  feeds: "fix",
  signal: "openAdvisories",
  needs: ["openAdvisories"],
  decisive: true,
  points: (p) => p.advisories.points.unfixedOpen,
  health: () => 0,
  doc: "Advisories affect the installed version with no fixed version upstream: send or fund a fix.",
  test: ({ signals }) => {
    const open = openAdvisories(signals);
    const ids = (open?.unfixed ?? []).filter((id) => !id.startsWith(maliciousPrefix));
    return open && ids.length > 0
      ? { args: { ids: ids.join(", "), installed: open.installed } }
      : null;
  },
});
