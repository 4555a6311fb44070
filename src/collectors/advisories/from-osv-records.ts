import { recordSeverity } from "./cvss.js";
import type { Advisory, AdvisoryEvidence, AdvisorySourceKind, OsvRecord } from "./types.js";

/**
 * The pure twin of every advisory source: OSV records in, the package's
 * advisories out. Withdrawn records are dropped (OSV: "the entry is no
 * longer valid"), records not naming this npm package are dropped, and
 * records sharing an id or alias (a GHSA and its CVE, an OSV mirror of
 * either) become one advisory, so one vulnerability is never counted twice.
 */
export function fromOsvRecords(
  name: string,
  records: readonly OsvRecord[],
  source: AdvisorySourceKind,
): AdvisoryEvidence {
  const relevant = records.filter(
    (r) => r.withdrawn === null && r.affected.some((a) => isPackage(a.package, name)),
  );
  const advisories = groupByAlias(relevant).map((group) => mergeGroup(group, name));
  advisories.sort(
    (a, b) => (a.published ?? "").localeCompare(b.published ?? "") || a.id.localeCompare(b.id),
  );
  return { name, source, advisories };
}

function isPackage(pkg: { ecosystem: string; name: string }, name: string): boolean {
  return pkg.ecosystem === "npm" && pkg.name === name;
}

/** Union-find over ids and aliases: records reachable through shared ids are one group. */
function groupByAlias(records: readonly OsvRecord[]): OsvRecord[][] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(id, root);
    return root;
  };
  const union = (a: string, b: string) => parent.set(find(a), find(b));
  for (const record of records) {
    for (const id of [record.id, ...record.aliases]) if (!parent.has(id)) parent.set(id, id);
    for (const alias of record.aliases) union(alias, record.id);
  }
  const groups = new Map<string, OsvRecord[]>();
  for (const record of records) {
    const root = find(record.id);
    const group = groups.get(root) ?? [];
    // The same record from two files (a re-export) counts once.
    if (!group.some((r) => r.id === record.id)) group.push(record);
    groups.set(root, group);
  }
  return [...groups.values()];
}

/** GitHub's ids name the npm advisory users see in `npm audit`; prefer them as the advisory's id. */
const idPreference = (id: string) => (id.startsWith("GHSA-") ? 0 : id.startsWith("CVE-") ? 1 : 2);

function mergeGroup(group: OsvRecord[], name: string): Advisory {
  const sorted = [...group].sort(
    (a, b) => idPreference(a.id) - idPreference(b.id) || a.id.localeCompare(b.id),
  );
  const primary = sorted[0] as OsvRecord;
  const ids = new Set(sorted.flatMap((r) => [r.id, ...r.aliases]));
  ids.delete(primary.id);
  const severities = sorted.map(recordSeverity);
  const scored = severities
    .filter((s) => s.score !== null)
    .sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  const { score, severity } = scored[0] ??
    severities.find((s) => s.severity !== "unknown") ??
    severities[0] ?? { score: null, severity: "unknown" };
  const published =
    sorted
      .map((r) => r.published)
      .filter((p): p is string => p !== null && Number.isFinite(Date.parse(p)))
      .sort()[0] ?? null;
  const modified =
    sorted
      .map((r) => r.modified)
      .filter((m): m is string => m !== null)
      .sort()
      .at(-1) ?? null;
  return {
    id: primary.id,
    aliases: [...ids].sort(),
    summary: sorted.find((r) => r.summary)?.summary ?? null,
    published,
    modified,
    score,
    severity,
    affected: affectedOf(sorted, name),
  };
}

/**
 * The ranges of the most authoritative record (GHSA first), not the union of
 * all: an NVD-derived CVE record often says `last_affected: 1.2.5` across
 * every line where GitHub's reviewed record says which older lines were fixed
 * (minimist 0.2.4), and the union would call those fixed versions affected.
 * Other records' ranges are used only when the preferred one has none.
 */
function affectedOf(sorted: OsvRecord[], name: string): Advisory["affected"] {
  for (const record of sorted) {
    const entries = record.affected.filter((a) => isPackage(a.package, name));
    if (entries.length > 0) return entries.map((a) => ({ ranges: a.ranges, versions: a.versions }));
  }
  return [];
}
