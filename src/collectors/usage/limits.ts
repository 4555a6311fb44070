/** Bounds on the project walk: a repository with vendored bundles or a runaway generator stays cheap. */
export const usageLimits = {
  /** Real applications have a few thousand source files; past this the rest is likely generated. */
  maxFiles: 20_000,
  /** Hand-written modules are rarely over 1 MB; bigger ones are bundles or generated data. */
  maxFileBytes: 1024 * 1024,
  /** Deeper than any real source tree; bounds a walk through odd layouts. */
  maxDepth: 32,
};

export type UsageLimits = typeof usageLimits;
