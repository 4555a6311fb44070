/** Limits on what one repository may cost a run. */
export interface GitLimits {
  /** Per clone or fetch: the git process is stopped after this long without progress (no byte of output). */
  cloneTimeoutMs: number;
  /** Per clone or fetch, however it progresses: enforced by a wrapper process that outlives jenga. */
  cloneDeadlineMs: number;
  /** A blobless clone larger than this is abandoned and removed. */
  maxCloneBytes: number;
  /** Per history pass over a local clone. */
  historyTimeoutMs: number;
  /** A package folder with more source files at HEAD than this gets no contents fetched (no size, no lines). */
  maxSourceFiles: number;
}

export const defaultGitLimits: GitLimits = {
  // A blobless clone of a large, long-lived JavaScript project (tens of thousands of commits)
  // takes well under a minute on an ordinary connection; three minutes leaves room for slow links.
  // Measured as inactivity, so time spent waiting for a turn or for a busy CPU does not count.
  cloneTimeoutMs: 180_000,
  // Only an orphaned or pathological transfer meets this: the slowest healthy clone takes minutes.
  cloneDeadlineMs: 30 * 60_000,
  // Commits and trees only: about 300 MB for the largest npm monorepos; anything beyond is not a package.
  maxCloneBytes: 500 * 1024 * 1024,
  // Our streamed passes over a 100,000-commit history take seconds; two minutes means something is wrong.
  historyTimeoutMs: 120_000,
  // Source files at HEAD fetched for their size and lines: a large package has a few thousand,
  // a few MB compressed; beyond this it is a whole monorepo, whose size says little about one package.
  maxSourceFiles: 5_000,
};
