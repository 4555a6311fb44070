/**
 * Advisory evidence: OSV records (https://ossf.github.io/osv-schema/) for one
 * npm package, reduced to what jenga reads. Advisories are written by
 * strangers (reporters, database curators, sometimes attackers filing fake
 * ones): every field is checked before use and nothing here is trusted.
 */

export type OsvEvent =
  | { introduced: string }
  | { fixed: string }
  | { last_affected: string }
  | { limit: string };

export interface OsvRange {
  /** SEMVER and ECOSYSTEM are evaluated (npm's ecosystem order is semver); GIT ranges are ignored. */
  type: string;
  events: OsvEvent[];
}

export interface OsvAffected {
  package: { ecosystem: string; name: string };
  ranges: OsvRange[];
  /** Explicitly enumerated affected versions. */
  versions: string[];
}

export interface OsvSeverity {
  /** `CVSS_V3`, `CVSS_V4`, `CVSS_V2`, `Ubuntu`... */
  type: string;
  score: string;
}

/** One OSV record, validated: unknown fields dropped, wrong types rejected. */
export interface OsvRecord {
  id: string;
  aliases: string[];
  published: string | null;
  modified: string | null;
  withdrawn: string | null;
  summary: string | null;
  severity: OsvSeverity[];
  /** GitHub's own rating (`LOW`, `MODERATE`, `HIGH`, `CRITICAL`) in `database_specific.severity`. */
  databaseSeverity: string | null;
  affected: OsvAffected[];
}

export type SeverityBucket = "critical" | "high" | "medium" | "low" | "none" | "unknown";

/** One advisory about the package: records sharing an alias (GHSA ↔ CVE) merged into one. */
export interface Advisory {
  id: string;
  /** Every other id of the same advisory. */
  aliases: string[];
  summary: string | null;
  published: string | null;
  modified: string | null;
  /** CVSS base score (v4 preferred over v3), null when no usable vector. */
  score: number | null;
  severity: SeverityBucket;
  /** The affected entries for this package only. */
  affected: Pick<OsvAffected, "ranges" | "versions">[];
}

export type AdvisorySourceKind = "osv-api" | "osv-export" | "github-advisory-database";

export interface AdvisoryEvidence {
  name: string;
  source: AdvisorySourceKind;
  advisories: Advisory[];
}

/** Records for one package name, or why there are none. */
export type RecordsResult = { ok: true; records: OsvRecord[] } | { ok: false; status: string };

/**
 * Where OSV records come from: the OSV API, an OSV export (folder or zip), or
 * a GitHub advisory database checkout. One lookup for many names, so a source
 * can batch (the API) or index once (an export).
 */
export interface AdvisorySource {
  readonly kind: AdvisorySourceKind;
  /** True when results may be cached (network data); a local export is read afresh each run. */
  readonly cacheable: boolean;
  recordsFor(names: readonly string[]): Promise<Map<string, RecordsResult>>;
  close(): Promise<void>;
}
