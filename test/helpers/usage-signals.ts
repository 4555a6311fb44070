import type { UsageEvidence } from "../../src/collectors/usage/types.js";
import { defaultPolicy } from "../../src/scoring/policy.js";
import type { SignalResult } from "../../src/signals/define-signal.js";
import { replacement } from "../../src/signals/registry/replacement.js";
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
  // The replacement signal lives with the registry signals (it reads the package name, and
  // the usage evidence when there is some): computed here as a real run computes it.
  const computed = replacement.compute({
    evidence: { usage } as never,
    pkg: inventoryPackage({ name: usage.name }),
    now,
    policy: defaultPolicy,
  });
  out.replacement = {
    value: computed.value,
    unit: "list",
    trusted: true,
    ...(computed.note ? { note: computed.note } : {}),
    ...(computed.detail ? { detail: computed.detail } : {}),
  };
  return out;
}
