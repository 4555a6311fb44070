import type { SignalSet } from "../../../signals/compute-signals.js";
import { list } from "../../signal-values.js";

/** The replacement of a kind, unless the package is not in use (then it is sunset, not rewrite). */
export function replacementOf(signals: SignalSet, kind: string): Record<string, string> | null {
  const names = list(signals, "replacement");
  if (names.length === 0 || signals.replacement?.detail?.kind !== kind) return null;
  const used = signals.usageClass?.value;
  if (used === "unused" || used === "undeclared") return null;
  const symbols = list(signals, "usedSymbols");
  return { replacements: names.join(", "), symbols: symbols.join(", ") };
}

/**
 * A native or one-line replacement of a small package: using all of a three-line package is
 * normal, so "used heavily" or "uses most of it" never cancels it.
 */
export function smallWithReplacement(
  signals: SignalSet,
  tiny: boolean,
  smallBytes: number,
): boolean {
  const kind = signals.replacement?.detail?.kind;
  if (kind !== "native" && kind !== "micro-utility") return false;
  const size = signals.unpackedSize?.value;
  return tiny || (typeof size === "number" && size < smallBytes);
}
