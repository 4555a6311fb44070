import type { SignalInfo } from "../catalog.js";

/**
 * The advisory signals' entries of the signal catalog (spread into
 * signalCatalog in ../catalog.ts), documented here beside the signals.
 */
export const advisorySignalCatalog = {
  advisoriesTotal: {
    title: "Advisories",
    unit: "count",
    description:
      "Vulnerability advisories ever published for the package (OSV records; a GHSA and its CVE count once; withdrawn ones not at all).",
    why: "Context: a long-lived, widely used package collects reports; what matters is the rate and how they end.",
    remediation: "None by itself; see the open advisories and how fast they were fixed.",
  },
  advisoriesPerKloc: {
    title: "Advisories per 1,000 lines",
    unit: "per-kloc",
    description:
      "Advisories ever published, per 1,000 lines of source code at HEAD in the package's folder (lines from the git collector).",
    why: "Reports relative to size: one advisory in 200 lines is a denser stream of trouble than ten in 200,000.",
    remediation:
      "A high rate on a small package makes owning the few lines you use the cheaper option.",
  },
  advisoriesLast3Years: {
    title: "Advisories per year",
    unit: "per-year",
    description: "Advisories published per year over the last three years.",
    why: "A small package that keeps getting reports is cheaper to own than to keep patching.",
    remediation:
      "For a small package, inline the little you use; for a large one, help upstream harden it.",
  },
  openAdvisories: {
    title: "Open advisories",
    unit: "list",
    description:
      "Advisories that affect an installed version, with the lowest version that fixes them and whether it is a new major.",
    why: "A known vulnerability in the code you ship, usually with a fix one upgrade away.",
    remediation:
      "Upgrade to the version named; when no fix exists, send or fund one, or remove the package.",
  },
  maxSeverity: {
    title: "Worst open severity",
    unit: "text",
    description:
      "The highest severity among open advisories: the CVSS base score (v4, else v3) in FIRST's buckets, else GitHub's rating.",
    why: "Decides how urgent the upgrade is.",
    remediation: "Fix critical and high ones first.",
  },
  timeToFix: {
    title: "Time to fix",
    unit: "days",
    description:
      "Median days from an advisory's publication to the publication of its first fixed version (0 when the fix came first); only when the registry's publish times are trusted.",
    why: "A maintainer who ships fixes fast is worth staying with; slow fixes leave users exposed.",
    remediation: "When fixes are slow, offer help or funding for security work upstream.",
  },
  neverFixedShare: {
    title: "Never fixed",
    unit: "ratio",
    description: "Share of advisories with no fixed version in any range.",
    why: "Reports that are never fixed mean nobody is answering them.",
    remediation: "Fund or co-maintain the package, or replace it.",
  },
  advisoryTimeline: {
    title: "Advisories and time to fix",
    unit: "series",
    description:
      "Every dated advisory in publication order (`date`, `id`, `severity`) with how it ended: `fixed` after `daysToFix` days (the first fixed version's publish time, only when the registry's times are trusted), `not-fixed` in any version with `daysOpen` so far, or `unknown` when the fix time cannot be told; at most the newest 200.",
    why: "How a package answered each report, at a glance: fixes that come faster or slower over the years, and reports left open.",
    remediation: "None by itself; the report charts it on the package's page.",
  },
} as const satisfies Record<string, SignalInfo>;

export type AdvisorySignalId = keyof typeof advisorySignalCatalog;
