/**
 * The npm registry's bulk advisory answer, validated. `npm audit` posts
 * `{ "<name>": ["<version>", …] }` to `<registry>/-/npm/v1/security/advisories/bulk`
 * and the registry answers with the advisories affecting those versions, keyed
 * by name: `{ "<name>": [{ id, url, title, severity, vulnerable_versions, cwe,
 * cvss: { score, vectorString } }, …] }` (@npmcli/arborist, audit-report.js).
 * A package without advisories is simply absent. One GHSA advisory can come as
 * several entries, one per vulnerable range, each with its own numeric id.
 *
 * The answer is input from outside, whatever registry or proxy sends it: every
 * entry is checked here, a malformed one fails its package (a partial list
 * would understate its advisories), and only the names asked about are read.
 */
import semver from "semver";
import { z } from "zod";

/** npm's severity words (`info` is npm's own, below `low`). */
export const bulkSeverities = ["info", "low", "moderate", "high", "critical"] as const;

/**
 * Lengths far above any real advisory's: GHSA titles are one line, URLs under
 * 100 characters, ranges a few comparators, CWE lists a handful of ids.
 */
const maxTitleLength = 1024;
const maxUrlLength = 2048;
const maxRangeLength = 1024;
const maxCweLength = 32;
const maxCwes = 64;
const maxVectorLength = 512;
const maxCvssScore = 10;

const range = z
  .string()
  .max(maxRangeLength)
  .refine((r) => semver.validRange(r, { loose: true }) !== null, "not a semver range");

/** One entry as the registry sends it; unknown fields are dropped. */
const bulkAdvisorySchema = z.object({
  id: z.union([z.number().int().nonnegative(), z.string().regex(/^[\w.:-]{1,128}$/)]),
  url: z.string().max(maxUrlLength).nullish(),
  // A long title is cut, not refused: it is only ever shown.
  title: z
    .string()
    .transform((t) => t.slice(0, maxTitleLength))
    .nullish(),
  // npm audit reads a missing severity as high and a missing range as every version (advisory.js).
  severity: z.enum(bulkSeverities).default("high"),
  vulnerable_versions: range.default("*"),
  cwe: z.array(z.string().max(maxCweLength)).max(maxCwes).nullish(),
  cvss: z
    .object({
      score: z.number().min(0).max(maxCvssScore).nullish(),
      vectorString: z.string().max(maxVectorLength).nullish(),
    })
    .nullish(),
});

export type BulkAdvisory = z.output<typeof bulkAdvisorySchema>;

/** The advisories the registry lists for one package, or why there are none. */
export type BulkResult = { ok: true; advisories: BulkAdvisory[] } | { ok: false; status: string };

/**
 * No npm package has more than a few dozen advisories (lodash, the most
 * reported, about 30 range entries); ten times the worst is a flood, not data.
 */
export const maxBulkAdvisoriesPerPackage = 500;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The entries for each asked name, validated; names not asked about are ignored. */
export function parseBulkAnswer(
  json: unknown,
  names: readonly string[],
  maxPerPackage = maxBulkAdvisoriesPerPackage,
): Map<string, BulkResult> {
  const results = new Map<string, BulkResult>();
  if (!isObject(json)) {
    for (const name of names) results.set(name, malformed);
    return results;
  }
  for (const name of names) {
    results.set(name, Object.hasOwn(json, name) ? parseEntries(json[name], maxPerPackage) : none);
  }
  return results;
}

/** A cached list is checked again on read: a bad entry is a miss, never trusted. */
export function parseBulkEntries(value: unknown, maxPerPackage = maxBulkAdvisoriesPerPackage) {
  const result = parseEntries(value, maxPerPackage);
  return result.ok ? result.advisories : null;
}

const none: BulkResult = { ok: true, advisories: [] };
const malformed: BulkResult = {
  ok: false,
  status: "unavailable: malformed bulk advisory answer from the registry",
};

function parseEntries(value: unknown, maxPerPackage: number): BulkResult {
  if (!Array.isArray(value)) return malformed;
  // Checked before validating anything: a flood costs one comparison, not a parse of each entry.
  if (value.length > maxPerPackage)
    return {
      ok: false,
      status: `unavailable: the registry listed more than ${maxPerPackage} advisories`,
    };
  const parsed = z.array(bulkAdvisorySchema).safeParse(value);
  return parsed.success ? { ok: true, advisories: parsed.data } : malformed;
}
