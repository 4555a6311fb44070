import { defineUsageSignal } from "./define-usage-signal.js";

export const replacement = defineUsageSignal({
  id: "replacement",
  needs: ["usage"],
  compute({ evidence: { usage } }) {
    const found = usage.replacement;
    if (!found) return { value: [] };
    return {
      value: found.replacements,
      note: `${found.kind}${usage.symbols.length > 0 ? `; you use ${usage.symbols.join(", ")}` : ""}`,
      detail: { kind: found.kind },
    };
  },
});
