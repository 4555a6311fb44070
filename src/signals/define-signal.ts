import type { AdvisoryEvidence } from "../collectors/advisories/types.js";
import type { GitEvidence } from "../collectors/git/types.js";
import type { IssuesEvidence } from "../collectors/issues/types.js";
import type { RegistryEvidence } from "../collectors/registry/types.js";
import type { UsageEvidence } from "../collectors/usage/types.js";
import type { InventoryPackage } from "../inventory/types.js";
import type { Policy } from "../scoring/policy.js";
import type { SignalId, Unit } from "./catalog.js";
import { signalCatalog } from "./catalog.js";

/**
 * A signal is a pure function from evidence to a named value. It declares the
 * evidence it needs apart from how it computes, so the orchestrator can skip
 * it when a source failed and say "unknown" instead of guessing.
 */

/** The evidence of one package, one field per source that has data. Sources add fields here. */
export interface EvidenceSet {
  registry?: RegistryEvidence;
  git?: GitEvidence;
  advisories?: AdvisoryEvidence;
  usage?: UsageEvidence;
  issues?: IssuesEvidence;
}

/** One point of a series value, such as `{ month: "2024-01", count: 3, authors: 2 }`. */
export type SeriesPoint = Readonly<Record<string, string | number>>;

export type SignalValue = number | string | boolean | string[] | readonly SeriesPoint[] | null;

export interface SignalResult {
  value: SignalValue;
  unit: Unit;
  /** False when the value rests on data jenga has reason to doubt (mirror times, stripped fields). */
  trusted: boolean;
  /** Short context: the deprecation message, why times are untrusted, why the value is unknown. */
  note?: string;
  /** Structured facts behind the value (installed and latest version, say) for reasons to quote. */
  detail?: Record<string, string | number>;
}

export interface SignalInput<N extends keyof EvidenceSet> {
  evidence: Required<Pick<EvidenceSet, N>>;
  pkg: InventoryPackage;
  now: Date;
  /** The user's policy: a signal that applies a threshold reads it here, never the defaults. */
  policy: Policy;
}

/** What compute returns: the value, plus optional trust and note. */
export interface Computed {
  value: SignalValue;
  trusted?: boolean;
  note?: string;
  detail?: Record<string, string | number>;
}

export interface Signal<N extends keyof EvidenceSet = keyof EvidenceSet> {
  id: SignalId;
  needs: readonly N[];
  compute(input: SignalInput<N>): Computed;
}

export function defineSignal<N extends keyof EvidenceSet>(signal: Signal<N>): Signal<N> {
  return signal;
}

export function toResult(id: SignalId, computed: Computed): SignalResult {
  const result: SignalResult = {
    value: computed.value,
    unit: signalCatalog[id].unit,
    trusted: computed.trusted ?? true,
  };
  if (computed.note) result.note = computed.note;
  if (computed.detail) result.detail = computed.detail;
  return result;
}
