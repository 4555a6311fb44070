import type { SignalResult, SignalValue } from "../../signals/define-signal.js";

/** What the report prints for a value that is absent: not measured, never "zero" or "healthy". */
export const absent = "—";

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function isNumberArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((v) => typeof v === "number");
}

/** A signal's value in words, by its unit. Unknown units fall back to plain text. */
export function formatSignal(signal: SignalResult | undefined): string {
  if (!signal) return absent;
  const value: SignalValue | unknown = signal.value;
  if (value === null || value === undefined) return "unknown";
  // An untrusted "no" (deprecation data a mirror stripped) is not a no: it was never seen.
  if (typeof value === "boolean") return value ? "yes" : signal.trusted ? "no" : "unknown";
  // An empty list is "none", never "0 points".
  if (Array.isArray(value) && value.length === 0) return "none";
  if (isNumberArray(value)) return `${value.length} points`;
  if (Array.isArray(value)) {
    // A series of records (commits per month, say) is drawn as a chart, not listed.
    if (value.some((v) => typeof v === "object" && v !== null)) return `${value.length} points`;
    return value.map(String).join(", ");
  }
  if (typeof value === "number") return formatNumber(value, signal.unit);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function formatNumber(value: number, unit: string): string {
  const rounded = Number.isInteger(value) ? String(value) : value.toFixed(1);
  switch (unit) {
    case "bytes":
      return formatBytes(value);
    case "months":
      return `${rounded} mo`;
    case "years":
      return `${rounded} y`;
    case "per-year":
      return `${rounded}/y`;
    case "days":
      return `${rounded} d`;
    case "per-kloc":
      return `${value.toFixed(2)}/kloc`;
    case "fraction":
      return `${Math.round(value * 100)}%`;
    default:
      return rounded;
  }
}

/** The number a table sorts by; absent and unknown values sort last either way. */
export function sortValue(signal: SignalResult | undefined): string {
  if (!signal) return "";
  const value: unknown = signal.value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return value ? "1" : "0";
  return "";
}

export const percent = (fraction: number): string => `${Math.round(fraction * 100)}%`;
