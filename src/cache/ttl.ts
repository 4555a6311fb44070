import type { SourceName } from "../collectors/types.js";

const hour = 60 * 60 * 1000;

/**
 * How long a cached result is used before it is fetched again. Maintenance
 * signals move on a scale of months, so a day-old packument loses nothing;
 * advisories move faster and are re-checked more often.
 */
export const cacheTtlMs = {
  registry: 24 * hour,
  git: 24 * hour,
  // New advisories are the news users run jenga for: refresh twice as often.
  advisories: 12 * hour,
  issues: 24 * hour,
  // Usage is computed from local files, never from the network; the cache only holds tarball analyses.
  usage: 7 * 24 * hour,
} as const satisfies Record<SourceName, number>;
