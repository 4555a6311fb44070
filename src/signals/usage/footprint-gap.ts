import type { PackageFootprint } from "../../collectors/usage/types.js";
import type { Computed } from "../define-signal.js";

/** The unknown value of a footprint signal when nothing was measured (not installed, unreadable), else null. */
export function footprintGap(footprint: PackageFootprint | undefined): Computed | null {
  if (!footprint) return { value: null, note: "no import of it to measure" };
  if (footprint.status !== "ok") return { value: null, note: footprint.status };
  return null;
}

/** A unit ratio rounded to four places: enough for "0.3%", stable in snapshots. */
export function ratio(part: number, whole: number): number {
  return Math.round((part / whole) * 10_000) / 10_000;
}
