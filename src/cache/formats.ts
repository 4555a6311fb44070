import type { SourceName } from "../collectors/types.js";

/**
 * The format of what each source caches. Bump a source's number when the
 * shape or the meaning of its cached answers changes: its older entries are
 * then misses (and are rewritten), while every other source's entries stay
 * warm. The cache holds what a source said (a packument's excerpt, OSV
 * records, issue lists and README text, git facts); evidence is derived from
 * it on every read, so a change in how evidence is read needs no bump.
 */
export const cacheFormats = {
  /** 2: each version's peer dependencies (names, optional ones apart), for code usage without node_modules. */
  registry: 2,
  git: 1,
  /** 2: OSV records as the API gave them, no longer the evidence derived from them. */
  advisories: 2,
  /** 2: the README's text, no longer the notices found in it. */
  issues: 2,
  usage: 1,
} as const satisfies Record<SourceName, number>;
