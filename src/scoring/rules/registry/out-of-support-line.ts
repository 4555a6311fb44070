import { bool, num } from "../../signal-values.js";
import { defineRule } from "../define-rule.js";

export const outOfSupportLine = defineRule({
  id: "outOfSupportLine",
  feeds: "fix",
  signal: "installedLineMonths",
  needs: ["installedLineMonths", "direct"],
  points: (p) => p.points.outOfSupportLine,
  health: (p) => p.healthPenalties.outOfSupportLine,
  doc: "The major line a direct dependency pins has had no release for two years while the latest line had one this year: upstream is alive but fixes land only on the newer line, so the pinned line is out of support.",
  test: ({ signals, policy }) => {
    if (!bool(signals, "direct")) return null;
    const months = num(signals, "installedLineMonths", true);
    const detail = signals.installedLineMonths?.detail ?? {};
    const latestMonths = Number(detail.latestLineMonths);
    if (months === null || detail.line === detail.latestLine) return null;
    if (months < policy.registry.outOfSupportMonths) return null;
    if (!(latestMonths <= policy.registry.maintainedLineMonths)) return null;
    return {
      args: {
        line: String(detail.line),
        months,
        latestLine: String(detail.latestLine),
        latestMonths,
        threshold: `${policy.registry.outOfSupportMonths} months`,
      },
    };
  },
});
