import { findReplacement } from "../../collectors/shared/find-replacement.js";
import { defineSignal } from "../define-signal.js";

/**
 * The e18e replacement data is about the package, not about how a project
 * uses it: it applies to a lockfile- or SBOM-only run as much as to one that
 * reads code. It needs the registry only so that a package nothing answered
 * for (offline, empty cache) stays unknown rather than judged by name alone.
 */
export const replacement = defineSignal({
  id: "replacement",
  needs: ["registry"],
  compute({ pkg }) {
    const found = findReplacement(pkg.name);
    if (!found) return { value: [] };
    return { value: found.replacements, note: found.kind, detail: { kind: found.kind } };
  },
});
