import { defineUsageSignal } from "./define-usage-signal.js";
import { footprintGap, ratio } from "./footprint-gap.js";

/** The code-closure fraction; named `usedFraction` because the report's table and bubble chart read it. */
export const usedFraction = defineUsageSignal({
  id: "usedFraction",
  needs: ["usage"],
  compute({ evidence: { usage } }) {
    const footprint = usage.footprint;
    const gap = footprintGap(footprint);
    if (gap) return gap;
    const code = footprint?.code;
    if (!code || code.totalBytes === 0)
      return { value: null, note: footprint?.caveats[0] ?? "ships no JavaScript" };
    // A file jenga could not follow (too large, a computed path) may hide more reached code.
    const partial = footprint.caveats.find((c) =>
      /too large|computed path|stopped at|resolved as a path/.test(c),
    );
    return {
      value: ratio(code.usedBytes, code.totalBytes),
      trusted: !partial,
      ...(partial ? { note: partial } : {}),
      detail: {
        usedBytes: code.usedBytes,
        totalBytes: code.totalBytes,
        usedLines: code.usedLines,
        totalLines: code.totalLines,
        usedFiles: code.usedFiles,
        totalFiles: code.totalFiles,
      },
    };
  },
});
