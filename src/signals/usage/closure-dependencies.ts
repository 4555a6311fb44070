import { defineUsageSignal } from "./define-usage-signal.js";
import { footprintGap } from "./footprint-gap.js";

export const closureDependencies = defineUsageSignal({
  id: "closureDependencies",
  needs: ["usage"],
  compute({ evidence: { usage } }) {
    const gap = footprintGap(usage.footprint);
    if (gap) return gap;
    const deps = usage.footprint?.dependencies;
    if (!deps) return { value: null, note: usage.footprint?.caveats[0] ?? "no code is loaded" };
    const declared = new Set(deps.declared);
    const reached = deps.reached.filter((d) => declared.has(d));
    // Peers and optional packages the code reaches are loaded too, but not installed by this package.
    const others = deps.reached.filter((d) => !declared.has(d));
    return {
      value: reached.length,
      detail: {
        total: deps.declared.length,
        reached: reached.join(", "),
        ...(others.length > 0 ? { alsoReached: others.join(", ") } : {}),
      },
    };
  },
});
