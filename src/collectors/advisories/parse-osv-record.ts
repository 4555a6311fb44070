import type { OsvAffected, OsvEvent, OsvRange, OsvRecord, OsvSeverity } from "./types.js";

/**
 * Validates one OSV record parsed from JSON. Returns null for anything that
 * is not a record with a string id; drops malformed parts (a range without
 * events, an event with a non-string version) instead of guessing.
 */

/** Ids are short (`GHSA-xxxx-xxxx-xxxx`, `CVE-2021-44906`, `MAL-2024-1234`); a longer one is junk. */
const maxIdLength = 128;
/** Summaries are one line; a kilobyte is generous and bounds what reaches the report. */
const maxSummaryLength = 1024;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : [];
const isId = (v: unknown): v is string =>
  typeof v === "string" && v.length > 0 && v.length <= maxIdLength && /^[\w.:-]+$/.test(v);

export function parseOsvRecord(json: unknown): OsvRecord | null {
  if (!isObject(json) || !isId(json.id)) return null;
  const summary = str(json.summary) ?? str(json.details)?.split("\n")[0] ?? null;
  const databaseSpecific = isObject(json.database_specific) ? json.database_specific : {};
  return {
    id: json.id,
    aliases: (Array.isArray(json.aliases) ? json.aliases : []).filter(isId),
    published: str(json.published),
    modified: str(json.modified),
    withdrawn: str(json.withdrawn),
    summary: summary === null ? null : summary.slice(0, maxSummaryLength),
    severity: (Array.isArray(json.severity) ? json.severity : []).flatMap(parseSeverity),
    databaseSeverity: str(databaseSpecific.severity),
    affected: (Array.isArray(json.affected) ? json.affected : []).flatMap(parseAffected),
  };
}

function parseSeverity(v: unknown): OsvSeverity[] {
  if (!isObject(v)) return [];
  const type = str(v.type);
  const score = str(v.score);
  return type && score ? [{ type, score }] : [];
}

function parseAffected(v: unknown): OsvAffected[] {
  if (!isObject(v) || !isObject(v.package)) return [];
  const ecosystem = str(v.package.ecosystem);
  const name = str(v.package.name);
  if (!ecosystem || !name) return [];
  return [
    {
      package: { ecosystem, name },
      ranges: (Array.isArray(v.ranges) ? v.ranges : []).flatMap(parseRange),
      versions: strings(v.versions),
    },
  ];
}

function parseRange(v: unknown): OsvRange[] {
  if (!isObject(v) || typeof v.type !== "string" || !Array.isArray(v.events)) return [];
  const events = v.events.flatMap(parseEvent);
  return events.length > 0 ? [{ type: v.type, events }] : [];
}

const eventKinds = ["introduced", "fixed", "last_affected", "limit"] as const;

function parseEvent(v: unknown): OsvEvent[] {
  if (!isObject(v)) return [];
  for (const kind of eventKinds) {
    const version = str(v[kind]);
    if (version !== null) return [{ [kind]: version } as OsvEvent];
  }
  return [];
}

/** The npm package names a record affects (the export index is keyed by them). */
export function npmPackageNames(record: OsvRecord): string[] {
  return [
    ...new Set(
      record.affected.filter((a) => a.package.ecosystem === "npm").map((a) => a.package.name),
    ),
  ];
}
