import type { BulkAdvisory } from "./bulk-advisory.js";
import { cvssBaseScore, severityBucket } from "./cvss.js";
import type { Advisory, AdvisoryEvidence, SeverityBucket } from "./types.js";

/**
 * The pure twin of the registry's bulk advisory endpoint: its entries for one
 * package in, the package's advisories out, in the shape the OSV providers
 * give. Entries naming the same GHSA advisory (the registry sends one per
 * vulnerable range) become one advisory whose ranges are theirs together.
 *
 * The endpoint says nothing about when an advisory was published, so
 * `published` stays null: time-to-fix and the advisory timeline cannot be
 * computed from it alone, and say so.
 */
export function fromBulkAdvisories(
  name: string,
  entries: readonly BulkAdvisory[],
): AdvisoryEvidence {
  const groups = new Map<string, BulkAdvisory[]>();
  for (const entry of entries) {
    const id = advisoryId(entry);
    const group = groups.get(id) ?? [];
    group.push(entry);
    groups.set(id, group);
  }
  const advisories = [...groups].map(([id, group]) => toAdvisory(id, group));
  advisories.sort((a, b) => a.id.localeCompare(b.id));
  return { name, source: "registry-bulk", advisories };
}

/** GHSA ids: `GHSA-` and three groups of four from GitHub's 27-letter alphabet. */
const ghsaInUrl = /\/(GHSA(?:-[23456789cfghjmpqrvwx]{4}){3})(?:[/?#]|$)/i;

/** The GHSA id of the advisory's URL, else npm's numeric id as `npm-<id>`. */
export function advisoryId(entry: Pick<BulkAdvisory, "id" | "url">): string {
  const match = entry.url ? ghsaInUrl.exec(entry.url) : null;
  if (match?.[1]) return `GHSA${match[1].slice(4).toLowerCase()}`;
  return `npm-${entry.id}`;
}

/** npm's words in FIRST's buckets: `moderate` is medium, `info` rates nothing. */
const severityWords: Readonly<Record<BulkAdvisory["severity"], SeverityBucket>> = {
  info: "none",
  low: "low",
  moderate: "medium",
  high: "high",
  critical: "critical",
};

function toAdvisory(id: string, group: readonly BulkAdvisory[]): Advisory {
  const { score, severity } = worstRating(group);
  return {
    id,
    aliases: [],
    summary: group.find((e) => e.title)?.title ?? null,
    published: null,
    modified: null,
    score,
    severity,
    affected: group.map((e) => ({ ranges: [], versions: [], semver: e.vulnerable_versions })),
  };
}

/**
 * As for OSV records, a vector the calculator scores beats the words; the
 * registry's own `score` is not used (it sends 0 for "no score"). The highest
 * of the group's entries rates the advisory.
 */
function worstRating(group: readonly BulkAdvisory[]): {
  score: number | null;
  severity: SeverityBucket;
} {
  let best: number | null = null;
  for (const entry of group) {
    const vector = entry.cvss?.vectorString;
    const score = vector ? cvssBaseScore(vector) : null;
    if (score !== null && (best === null || score > best)) best = score;
  }
  if (best !== null) return { score: best, severity: severityBucket(best) };
  const order: SeverityBucket[] = ["critical", "high", "medium", "low", "none"];
  const words = new Set(group.map((e) => severityWords[e.severity]));
  return { score: null, severity: order.find((s) => words.has(s)) ?? "unknown" };
}
