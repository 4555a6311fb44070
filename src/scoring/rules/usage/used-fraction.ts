import type { SignalSet } from "../../../signals/compute-signals.js";

/** The used share of a package's code, with the words its reasons quote; null when unmeasured. */
export function usedFractionOf(signals: SignalSet) {
  const code = signals.usedFraction;
  if (!code || typeof code.value !== "number") return null;
  const totalBytes = Number(code.detail?.totalBytes ?? 0);
  const usedBytes = Number(code.detail?.usedBytes ?? 0);
  const api = signals.usedExportsFraction?.detail;
  const args = {
    percent: percent(code.value),
    usedKb: kilobytes(usedBytes),
    totalKb: kilobytes(totalBytes),
    exports: api ? `${api.used} of ${api.total}` : "",
  };
  return { fraction: code.value, trusted: code.trusted, totalBytes, args };
}

/** `0.0312` → `3.1`; under 1% keeps one significant digit so it never reads "0". */
function percent(fraction: number): number {
  const p = fraction * 100;
  return p >= 1 ? Math.round(p * 10) / 10 : Number(p.toPrecision(1));
}

function kilobytes(bytes: number): number {
  return Math.round((bytes / 1024) * 10) / 10;
}
