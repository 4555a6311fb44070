import { defineRule } from "../define-rule.js";
import { smallWithReplacement } from "./replacement-args.js";

export const heavilyUsed = defineRule({
  id: "heavilyUsed",
  feeds: "rewrite",
  signal: "importSites",
  needs: ["importSites"],
  points: (p) => -p.usage.points.heavyUseDiscount,
  health: () => 0,
  doc: "Used from twenty places or more: replacing it is real work, so rewrite loses points. Never against a native or one-line replacement of a small package.",
  test: ({ signals, policy, facts }) => {
    const sites = signals.importSites?.value;
    if (typeof sites !== "number" || sites < policy.usage.heavyUseSites) return null;
    if (smallWithReplacement(signals, facts.tiny, policy.advisories.smallBytes)) return null;
    return {
      args: {
        sites,
        files: Number(signals.importSites?.detail?.files ?? 0),
        threshold: policy.usage.heavyUseSites,
      },
    };
  },
});
