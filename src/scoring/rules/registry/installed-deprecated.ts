import { bool, list, note } from "../../signal-values.js";
import { defineRule } from "../define-rule.js";

export const installedDeprecated = defineRule({
  id: "installedDeprecated",
  feeds: "fix",
  signal: "installedDeprecated",
  needs: ["installedDeprecated"],
  decisive: true,
  points: (p) => p.points.installedDeprecated,
  health: (p) => p.healthPenalties.installedDeprecated,
  doc: "The installed version is deprecated while the latest is not: publishers do this for broken or vulnerable releases, so upgrading is a concrete fix.",
  test: ({ signals }) => {
    const versions = list(signals, "installedDeprecated");
    // When the whole package is deprecated, the deprecated rule covers the installed versions.
    if (versions.length === 0 || bool(signals, "deprecated") !== false) return null;
    return {
      args: { versions: versions.join(", "), message: note(signals, "installedDeprecated") },
    };
  },
});
