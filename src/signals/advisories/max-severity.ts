import { openAdvisories, worstSeverity } from "../advisory-versions.js";
import { defineSignal } from "../define-signal.js";

export const maxSeverity = defineSignal({
  id: "maxSeverity",
  needs: ["advisories"],
  compute({ evidence: { advisories }, pkg }) {
    const worst = worstSeverity(openAdvisories(advisories.advisories, pkg.versions).open);
    if (!worst) return { value: "none", note: "no open advisory" };
    const detail: Record<string, string | number> = { id: worst.id };
    if (worst.score !== null) detail.score = worst.score;
    return { value: worst.severity, detail };
  },
});
