/**
 * The seam between collectors (I/O) and signals (pure). Every collector returns
 * its evidence wrapped with provenance, so a signal can tell "no data" from
 * "the data says zero" and the report can say where each fact came from.
 */

/** The data sources. The metadata table in ./sources.ts documents each one. */
export type SourceName = "registry" | "git" | "advisories" | "issues" | "usage";

/**
 * `"ok"`, or a short status that says why there is no data:
 * `"unavailable: <why>"`, `"skipped: <why>"`, `"offline: not in cache"`.
 */
export type SourceStatus = string;

export interface Evidence<T> {
  source: SourceName;
  status: SourceStatus;
  /** When the data was fetched (ISO 8601), from the network or into the cache. */
  fetchedAt: string | null;
  fromCache: boolean;
  data: T | null;
}

export function okEvidence<T>(
  source: SourceName,
  data: T,
  fetchedAt: string,
  fromCache: boolean,
): Evidence<T> {
  return { source, status: "ok", fetchedAt, fromCache, data };
}

export function missingEvidence<T>(source: SourceName, status: SourceStatus): Evidence<T> {
  return { source, status, fetchedAt: null, fromCache: false, data: null };
}

/**
 * What each source's evidence holds, by source: the one place that pairs a
 * source with its evidence type (type-only imports, so no source is loaded
 * through here).
 */
export interface EvidenceBySource {
  registry: import("./registry/types.js").RegistryEvidence;
  git: import("./git/types.js").GitEvidence;
  advisories: import("./advisories/types.js").AdvisoryEvidence;
  issues: import("./issues/types.js").IssuesEvidence;
  usage: import("./usage/types.js").UsageEvidence;
}

/** Every source's evidence for a run, per package name. */
export type EvidenceMaps = { [S in SourceName]: Map<string, Evidence<EvidenceBySource[S]>> };
