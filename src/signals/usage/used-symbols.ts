import { defineUsageSignal } from "./define-usage-signal.js";

export const usedSymbols = defineUsageSignal({
  id: "usedSymbols",
  needs: ["usage"],
  compute({ evidence: { usage } }) {
    const runtime = new Set(usage.sites.filter((s) => !s.typeOnly).flatMap((s) => s.symbols));
    const note = usage.symbols.includes("*")
      ? "the whole namespace is used (or a member computed at run time): the list is a lower bound"
      : undefined;
    return {
      value: usage.symbols,
      ...(note ? { note } : {}),
      detail: { runtime: [...runtime].sort().join(", ") },
    };
  },
});
