import type { SeverityBucket } from "../../collectors/advisories/types.js";

/**
 * Every number the advisory findings use, with the reason for its value.
 * Meant to sit in the scoring policy as `advisories`, overridable key by key
 * like the rest (the fix threshold it is measured against is 50).
 */
export const advisoryPolicy = {
  points: {
    /**
     * An open advisory with a fix upstream, by the worst open severity. High and
     * critical reach the fix threshold alone: a known, exploitable hole with a
     * fix one upgrade away is the most concrete "fix" there is (the same line
     * `npm audit --audit-level=high` draws by default in most CI setups).
     */
    fixableBySeverity: {
      critical: 70,
      high: 55,
      // A medium hole with a fixed version out is a concrete upgrade to make (npm audit reports
      // it too); majors behind no longer adds points, so medium alone must reach the line.
      medium: 50,
      low: 15,
      // Unrated advisories (no CVSS, no GitHub rating) count as medium: unknown is not harmless.
      unknown: 50,
      none: 0,
    } satisfies Record<SeverityBucket, number>,
    /**
     * A known malicious package (OSV `MAL-` record): remove it now. The most
     * points of any finding: no other evidence can make it a keep.
     */
    malicious: 100,
    /** Open with no fix anywhere: the fix is to send or fund one; urgent but not an upgrade away. */
    unfixedOpen: 40,
    /** Chronic reports on a small package: owning the few lines you use ends the stream of reports. */
    chronicSmall: 30,
    /** Most reports never fixed: nobody is answering them. */
    neglected: 25,
    /** Fixes that take months leave users exposed; upstream needs help. */
    slowFixes: 15,
  },
  /**
   * One advisory a year for three years running is chronic for a small
   * package: most npm packages never get a single advisory (GitHub's database
   * covers ~5k of ~3M npm packages), so this is a rate very few reach.
   */
  chronicPerYear: 1,
  /**
   * "Small" for chronic reports: under 50 KB unpacked is a few hundred lines
   * of code, which a team can own (the registry's tiny line, 4 KB, is too low:
   * packages that small rarely get advisories at all).
   */
  smallBytes: 50 * 1024,
  /** The never-fixed share is noise on one or two advisories. */
  minAdvisoriesForShare: 3,
  /** Half the reports never fixed: more unanswered than answered. */
  neglectedShare: 0.5,
  /**
   * Median days from advisory to fix. Google Project Zero's disclosure
   * deadline is 90 days; twice that is slow by any measure.
   */
  slowFixDays: 180,
} as const;

export type AdvisoryPolicy = typeof advisoryPolicy;
