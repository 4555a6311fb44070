/** Bounds on the project walk: a repository with vendored bundles or a runaway generator stays cheap. */
export const usageLimits = {
  /** Real applications have a few thousand source files; past this the rest is likely generated. */
  maxFiles: 20_000,
  /** Hand-written modules are rarely over 1 MB; bigger ones are bundles or generated data. */
  maxFileBytes: 1024 * 1024,
  /** Deeper than any real source tree; bounds a walk through odd layouts. */
  maxDepth: 32,
  /**
   * JS and declaration files read per installed package. Of this repository's
   * own dependencies zod ships the most (~500), typescript ~110; past 5,000 a
   * package is a bundle of many, and its totals are reported as a lower bound.
   */
  maxPackageFiles: 5_000,
  /** Bytes read per installed package: typescript, the largest here, ships ~23 MB in all. */
  maxPackageBytes: 64 * 1024 * 1024,
};

export type UsageLimits = typeof usageLimits;
