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

/**
 * Where an advisory says which versions it affects: OSV's ranges and listed
 * versions, or (from the registry's bulk advisory endpoint) an npm semver range
 * such as `>=1.0.0 <1.2.6`, evaluated as `npm audit` evaluates it.
 */
export interface AffectedEntry {
  ranges: OsvRange[];
  versions: string[];
  /** An npm semver range (`vulnerable_versions`); absent for OSV records. */
  semver?: string;
}

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
  affected: AffectedEntry[];
}

/**
 * The advisory providers: the OSV API, an OSV export, a GitHub advisory
 * database checkout, and the bulk advisory endpoint of the npm registry in the
 * user's configuration (`npm audit`'s source).
 */
export type AdvisorySourceKind =
  | "osv-api"
  | "osv-export"
  | "github-advisory-database"
  | "registry-bulk";

/** What one provider said for the package: `ok`, or why it had nothing. */
export interface ProviderOutcome {
  provider: AdvisorySourceKind;
  status: string;
}

export interface AdvisoryEvidence {
  name: string;
  /** The provider the advisories come from; the first that answered when several did. */
  source: AdvisorySourceKind;
  /**
   * Every provider asked, in order, with its status (absent in evidence cached
   * before providers were combined: then `source` alone answered).
   */
  providers?: ProviderOutcome[];
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
