import type { SourceName, SourceStatus } from "../collectors/types.js";
import type { InventoryPackage } from "../inventory/types.js";
import type { Policy } from "../scoring/policy.js";
import { type SignalId, signalCatalog } from "./catalog.js";
import { type EvidenceSet, type SignalResult, toResult } from "./define-signal.js";
import { allSignals } from "./index.js";

export type SignalSet = Partial<Record<SignalId, SignalResult>>;

/**
 * Runs every signal whose evidence is present. A signal whose source failed is
 * reported as unknown with that source's status, never computed from nothing.
 */
export function computeSignals(
  pkg: InventoryPackage,
  evidence: EvidenceSet,
  statuses: Partial<Record<SourceName, SourceStatus>>,
  now: Date,
  policy: Policy,
): SignalSet {
  const signals: SignalSet = {};
  for (const signal of allSignals) {
    const missing = signal.needs.find((source) => evidence[source] === undefined);
    if (missing) {
      signals[signal.id] = {
        value: null,
        unit: signalCatalog[signal.id].unit,
        trusted: false,
        note: `unknown: ${missing} ${statuses[missing] ?? "not collected"}`,
      };
      continue;
    }
    const input = { evidence: evidence as Required<EvidenceSet>, pkg, now, policy };
    signals[signal.id] = guarded(signal.id, () => toResult(signal.id, signal.compute(input)));
  }
  return signals;
}

/**
 * One stranger's absurd evidence (or a bug a package's data exposes) costs that signal,
 * never the run: the signal reads as unknown and says so, so it can be reported.
 */
function guarded(id: SignalId, compute: () => SignalResult): SignalResult {
  try {
    return compute();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      value: null,
      unit: signalCatalog[id].unit,
      trusted: false,
      note: `unavailable: internal error in ${id} (${why.slice(0, 120)}); please report it`,
    };
  }
}
