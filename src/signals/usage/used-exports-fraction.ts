import { defineUsageSignal } from "./define-usage-signal.js";
import { footprintGap, ratio } from "./footprint-gap.js";

export const usedExportsFraction = defineUsageSignal({
  id: "usedExportsFraction",
  needs: ["usage"],
  compute({ evidence: { usage } }) {
    const footprint = usage.footprint;
    const gap = footprintGap(footprint);
    if (gap) return gap;
    const api = footprint?.exports;
    if (!api || api.total === 0)
      return { value: null, note: footprint?.exportsUnknown ?? "no public exports found" };
    const caveat = footprint.caveats.find((c) => /re-exports|spreads|members not/.test(c));
    return {
      value: ratio(api.used.length, api.total),
      ...(caveat ? { note: caveat } : {}),
      detail: { used: api.used.length, total: api.total, names: api.used.join(", ") },
    };
  },
});
