import cvssCalculator from "ae-cvss-calculator";
import type { OsvRecord, SeverityBucket } from "./types.js";

/**
 * CVSS vectors to base scores, with a maintained implementation of FIRST's
 * formulas (v3.0, v3.1, v4.0), and scores to FIRST's qualitative buckets.
 */

// The package is CommonJS: its classes hang off the default export under Node's ESM loader.
const { Cvss3P0, Cvss3P1, Cvss4P0 } = cvssCalculator;

/** Base metrics each version requires; the calculator scores an incomplete vector as 0 instead of refusing it. */
const requiredMetrics = {
  "3.0": ["AV", "AC", "PR", "UI", "S", "C", "I", "A"],
  "3.1": ["AV", "AC", "PR", "UI", "S", "C", "I", "A"],
  "4.0": ["AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA"],
} as const;
/** Vectors are ~100 characters with every optional metric; more is not a vector. */
const maxVectorLength = 512;

/** The base score of a CVSS v3.x or v4.0 vector, or null when it is not a complete, valid vector. */
export function cvssBaseScore(vector: string): number | null {
  if (vector.length > maxVectorLength) return null;
  const match = /^CVSS:(3\.0|3\.1|4\.0)\/(.+)$/.exec(vector.trim());
  if (!match) return null;
  const version = match[1] as keyof typeof requiredMetrics;
  const metrics = new Map(
    (match[2] ?? "").split("/").map((part) => part.split(":") as [string, string | undefined]),
  );
  if (requiredMetrics[version].some((m) => !metrics.get(m))) return null;
  try {
    const scorer =
      version === "4.0"
        ? new Cvss4P0(vector)
        : version === "3.1"
          ? new Cvss3P1(vector)
          : new Cvss3P0(vector);
    const base = scorer.calculateScores().base;
    return typeof base === "number" && base >= 0 && base <= 10 ? base : null;
  } catch {
    return null;
  }
}

/** FIRST's qualitative rating scale (CVSS v3.1 spec §5, unchanged in v4.0). */
export function severityBucket(score: number): SeverityBucket {
  if (score === 0) return "none";
  if (score < 4) return "low";
  if (score < 7) return "medium";
  if (score < 9) return "high";
  return "critical";
}

/** GitHub's `database_specific.severity` words, for records without a usable vector. */
const databaseWords: Readonly<Record<string, SeverityBucket>> = {
  LOW: "low",
  MODERATE: "medium",
  MEDIUM: "medium",
  HIGH: "high",
  CRITICAL: "critical",
};

/** The record's score and bucket: the newest CVSS version present wins, then GitHub's own rating. */
export function recordSeverity(record: OsvRecord): {
  score: number | null;
  severity: SeverityBucket;
} {
  for (const type of ["CVSS_V4", "CVSS_V3"]) {
    for (const entry of record.severity.filter((s) => s.type === type)) {
      const score = cvssBaseScore(entry.score);
      if (score !== null) return { score, severity: severityBucket(score) };
    }
  }
  const word = record.databaseSeverity?.toUpperCase() ?? "";
  return { score: null, severity: databaseWords[word] ?? "unknown" };
}
