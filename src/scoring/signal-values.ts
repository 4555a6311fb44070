import type { SignalId } from "../signals/catalog.js";
import type { SignalSet } from "../signals/compute-signals.js";

/** Typed reads of signal values; an untrusted value reads as unknown where `trustedOnly` is set. */
export function num(signals: SignalSet, id: SignalId, trustedOnly = false): number | null {
  const s = signals[id];
  if (!s || typeof s.value !== "number" || (trustedOnly && !s.trusted)) return null;
  return s.value;
}

export function bool(signals: SignalSet, id: SignalId): boolean | null {
  const s = signals[id];
  return s && typeof s.value === "boolean" ? s.value : null;
}

export function list(signals: SignalSet, id: SignalId): string[] {
  const s = signals[id];
  return s && Array.isArray(s.value) ? s.value : [];
}

export function note(signals: SignalSet, id: SignalId): string {
  return signals[id]?.note ?? "";
}
