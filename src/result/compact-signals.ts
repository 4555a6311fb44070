import type { PackageResult } from "./types.js";

/**
 * The prefix compute-signals.ts gives a signal it could not compute because
 * its source gave no data ("unknown: git skipped: --no-git").
 */
const missingSourcePrefix = "unknown: ";

/**
 * Pure, in place: cuts what the JSON result would otherwise repeat for every
 * package, the bulk of its size on a large tree (a thousand packages without
 * git carry 25 signals each that only restate "git skipped"):
 * - a signal with no value because its source gave no data: the package's
 *   `sources` already says why, and an absent signal reads as unknown
 *   everywhere (gate, reports, explain);
 * - a note that only repeats why this package's publish times are not
 *   trusted: `publishTimesTrusted` keeps it once, the value keeps
 *   `trusted: false`, and the run's notes say it once for all packages.
 * Run after the run notes are counted: they read the null signals.
 */
export function compactSignals(packages: PackageResult[]): void {
  for (const p of packages) {
    const timesWhy = p.signals.publishTimesTrusted?.note;
    for (const [id, signal] of Object.entries(p.signals)) {
      if (signal.value === null && signal.note?.startsWith(missingSourcePrefix)) {
        delete p.signals[id];
        continue;
      }
      if (
        id !== "publishTimesTrusted" &&
        timesWhy !== undefined &&
        !signal.trusted &&
        signal.note === timesWhy
      )
        delete signal.note;
    }
  }
}
