import type { UsageEvidence } from "../../src/collectors/usage/types.js";
import type { SignalResult } from "../../src/signals/define-signal.js";
import { usageSignalCatalog } from "../../src/signals/usage/catalog-entries.js";
import { usageSignals } from "../../src/signals/usage/index.js";
import { inventoryPackage, now } from "./evidence.js";

export type Signals = Record<string, SignalResult>;

/** Every usage signal of one package, keyed by id, as computeSignals makes them. */
export function usageSignalsFor(usage: UsageEvidence): Signals {
  const out: Signals = {};
  for (const signal of usageSignals) {
    const computed = signal.compute({ evidence: { usage }, pkg: inventoryPackage(), now });
    out[signal.id] = {
      value: computed.value,
      unit: usageSignalCatalog[signal.id].unit,
      trusted: computed.trusted ?? true,
      ...(computed.note ? { note: computed.note } : {}),
      ...(computed.detail ? { detail: computed.detail } : {}),
    };
  }
  // The replacement signal reads the package name (it lives with the registry signals); the
  // usage evidence carries the same lookup, so the findings see it as a real run does.
  const found = usage.replacement;
  out.replacement = {
    value: found?.replacements ?? [],
    unit: "list",
    trusted: true,
    ...(found ? { note: found.kind, detail: { kind: found.kind } } : {}),
  };
  return out;
}
