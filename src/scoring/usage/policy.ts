/**
 * Every number the usage findings use, with the reason for its value. Meant
 * to sit in the scoring policy as `usage` (the thresholds they are measured
 * against: sunset 50, fix 50, rewrite 50).
 */
export const usagePolicy = {
  points: {
    /**
     * Declared but imported, run or configured nowhere, with no blind spot:
     * removing the line from package.json costs nothing, so this alone reaches
     * the sunset threshold (the design's own example of a sunset).
     */
    unused: 60,
    /**
     * Only files no entry point reaches import it: removal also means deleting
     * those files, and "unreachable" rests on jenga's reading of entry points,
     * so it stays short of the threshold alone.
     */
    deadCodeOnly: 35,
    /**
     * A runtime dependency used only for types (or only in tests, config or
     * scripts): moving it to devDependencies is one concrete edit that keeps it
     * out of every install of the package, so it reaches the fix threshold.
     */
    misplacedInDependencies: 50,
    /**
     * A monorepo workspace imports it without declaring it, or declares it
     * without using it while a sibling does: a two-line edit of package.json
     * files, but today's install works (hoisting), so it is strong, not
     * decisive alone: the package itself is not at fault.
     */
    misplacedDeclaration: 30,
    /**
     * A native API replaces the package (e18e's native list maps whole
     * modules, so it covers whatever the project uses): reaches the rewrite
     * threshold alone.
     */
    nativeReplacement: 50,
    /**
     * A one-line snippet replaces it (e18e's micro-utilities list only packages whose whole
     * job fits in a line or two): as decisive as a native replacement.
     */
    microUtilityReplacement: 50,
    /**
     * Heavily used: each of sunset and rewrite loses this much (a positive
     * number, subtracted, so the config schema's `min(0)` holds), since
     * replacing a package touched from many places is real work: a native
     * replacement of a heavily used package drops to 30, under the threshold.
     */
    heavyUseDiscount: 20,
    /**
     * The project reaches under `smallUsedFraction` of a package's code: the
     * design's own rewrite example ("you import 2 of 140 exports, 3% of its
     * code"). Strong, not decisive alone: with a native replacement, or a
     * small package with chronic reports, it crosses the rewrite threshold.
     */
    smallUsedFraction: 30,
    /**
     * More than `largeUsedFraction` of its code is reached: rewriting means
     * rewriting most of the package, so rewrite loses this much (positive,
     * subtracted, as heavyUseDiscount).
     */
    largeUsedFractionDiscount: 15,
  },
  /**
   * "A small part": under a tenth of the shipped JS bytes. A tenth keeps
   * dual-build packages (ESM + CommonJS, where full use reads ~50%) and barrels
   * that pull a few helpers along well clear of the line; measured on this
   * repository's own dependencies, the packages under it are ones used for one
   * or two functions.
   */
  smallUsedFraction: 0.1,
  /** More than half of the code reached: most of the package is in use. */
  largeUsedFraction: 0.5,
  /**
   * Below this many bytes of JS a package is tiny: 3% of 4 KB is a few lines,
   * and inlining all of it is no more work than inlining the part used.
   */
  minBytesForFraction: 16 * 1024,
  /**
   * "Heavily used" from this many import sites: past twenty places a
   * replacement is a refactoring, not an edit (knip and depcheck report
   * nothing of the kind; twenty is our judgement, see the tests).
   */
  heavyUseSites: 20,
  /**
   * Confidence lost when usage is unknown (a blind spot): half of the usage
   * source's weight (0.1), since the source ran but could not conclude.
   */
  unknownConfidencePenalty: 0.05,
} as const;

export type UsagePolicy = typeof usagePolicy;
