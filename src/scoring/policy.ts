import type { SourceName } from "../collectors/types.js";
import { advisoryPolicy } from "./advisories/policy.js";
import { issuePolicy } from "./issues/policy.js";
import { usagePolicy } from "./usage/policy.js";
import type { Action, Verdict } from "./verdicts.js";

/** A config's change to one rule: off, or other points toward its action or off health. */
export interface RuleOverride {
  enabled?: boolean;
  points?: number;
  health?: number;
}

/** Severities a gate can fail on, mildest first (OSV/GHSA buckets). */
export const gateSeverities = ["low", "medium", "high", "critical"] as const;
export type GateSeverity = (typeof gateSeverities)[number];

/**
 * Every threshold and weight of the scoring model, named, with the reason for
 * its value. A config file may override any of them (see src/config/schema.ts);
 * nothing in the scoring code may use a bare number instead.
 */
export const defaultPolicy = {
  /** An action becomes the verdict when its score reaches this; otherwise `keep`. */
  thresholds: {
    // The publisher's own deprecation alone reaches it: that is a decision, not a guess.
    sunset: 50,
    // Adoption is costly; registry facts alone (one maintainer, quiet, widely used) must all agree.
    adopt: 60,
    // A deprecated installed version, or two majors behind, is a concrete upgrade to make.
    fix: 50,
    rewrite: 50,
  } satisfies Record<Action, number>,

  /** Points each finding adds to an action score (scores are capped at 100). */
  points: {
    deprecated: 80,
    installedDeprecated: 60,
    // Majors behind is an upgrade note, never a verdict (DESIGN.md): it adds no points. Kept so an
    // older config that sets it stays valid.
    perMajorBehind: 0,
    soleMaintainer: 20,
    quiet: 25,
    widelyDepended: 15,
    // Real code: what makes a package worth adopting rather than inlining. With the silence of
    // an unfinished package (40) it reaches the adopt line: a real package nobody works on.
    nonTrivialSize: 20,
    // Under six human commits in a year on a package too big to be finished: maintainers going
    // quiet before they go silent. With one person and real code, it reaches the adopt line.
    lowActivity: 20,
    tinyPackage: 25,
    // A tiny package that runs code at install time is all risk and little value.
    tinyWithInstallScript: 30,
    // Nobody has committed or released for years a package too big to be simply finished: the
    // strongest single fact for adoption, yet short of the threshold alone (it needs one
    // maintainer, wide use or real size too).
    gitAbandoned: 40,
    // The same silence with a maintained alternative known (e18e's "preferred" list, or a
    // successor the publisher names): moving is cheaper than adopting, so it outscores adopt.
    abandonedWithSuccessor: 60,
    // The installed major line gets no releases while a newer line does: its fixes will not come.
    outOfSupportLine: 50,
    // One person holds most of the code's knowledge (truck factor 1).
    busFactorOne: 20,
    // Commits halved year on year: a warning, not a verdict.
    decliningActivity: 10,
  },

  /** Health starts at 100; each finding subtracts its penalty (floored at 0). */
  healthPenalties: {
    deprecated: 60,
    installedDeprecated: 30,
    perMajorBehind: 10,
    maxMajorsBehind: 30,
    quiet: 15,
    longQuiet: 25,
    soleMaintainer: 10,
    noRepository: 15,
    noLicense: 10,
    installScripts: 5,
    gitAbandoned: 20,
    // A known hole in the installed version, by its worst severity (CVSS bands, as npm audit uses them).
    openAdvisoryCritical: 35,
    openAdvisoryHigh: 25,
    openAdvisoryMedium: 10,
    openAdvisoryLow: 5,
    busFactorOne: 10,
    decliningActivity: 5,
    outOfSupportLine: 15,
    lowActivity: 5,
  },

  advisories: advisoryPolicy,
  issues: issuePolicy,
  usage: usagePolicy,

  /** Git history; the numbers follow OpenSSF Scorecard and CHAOSS practice as noted. */
  git: {
    // Two years without a human commit: the same line as registry quiet (24 months).
    abandonedMonths: 24,
    // Scorecard's "Maintained" check counts activity over 90 days; a year with a few commits
    // is the usual CHAOSS reading of an "active contributor" for a library.
    activeMaintainerCommits: 3,
    // At or under this many files at HEAD, a quiet package is small enough to be finished.
    smallFileCount: 10,
    // Security fixes in the last five years mean vulnerabilities keep being found: not finished.
    securityLookbackMonths: 60,
    // Last year's commits at or under half of the year before's is a decline...
    decliningRatio: 0.5,
    // ...when the year before had enough commits for the ratio to mean something.
    decliningMinCommits: 12,
    busFactorOne: 1,
    // Fewer human commits than this in the last 12 months is low activity (one every two months).
    lowActivityCommits: 6,
    // The bus factor follows the people of the last three years (CHAOSS counts contributor
    // absence over a recent period): a founder who left long ago does not make today's team one.
    busFactorWindowMonths: 36,
    // One human author over two years (the silence line) is the sole-maintainer fact when the
    // registry does not say who can publish.
    soleAuthorMonths: 24,
    // At or under this many source lines (tests, docs, build config left out) a quiet package is
    // small enough to be finished; the file count stands in when contents were not fetched.
    smallSourceFiles: 10,
    smallSourceLines: 1000,
    // Source code above this (clone's source bytes) is real work to replace, like nonTrivialBytes
    // unpacked (which also counts README, types and maps, hence the smaller figure).
    nonTrivialSourceBytes: 40 * 1024,
    // Under this many source bytes a package is a few functions, like registry.tinyBytes.
    tinySourceBytes: 2 * 1024,
  },

  registry: {
    // Two years without a release: the usual "stale" line (OpenSSF Scorecard's Maintained
    // check looks at 90 days of activity; for releases of small libraries a year is normal).
    quietMonths: 24,
    // Twice that without a release is long even for a finished package.
    longQuietMonths: 48,
    // Below ~4 KB unpacked (code, README and license together) a package is a few functions: cheap to inline.
    tinyBytes: 4 * 1024,
    // Under ~24 KB unpacked (a README and license of a few KB, and a handful of source files), a
    // quiet package may be finished: the stand-in for source counts when there is no clone.
    smallBytes: 24 * 1024,
    // Above ~100 KB unpacked a package is real work to replace.
    nonTrivialBytes: 100 * 1024,
    // Depended on by this many packages in your own tree: removing it is not a local decision.
    widelyDependedBy: 5,
    soleMaintainerCount: 1,
    // A major line with no release for two years while the latest line had one within a year is
    // out of support: the maintainers moved on, its fixes land only on the newer line.
    outOfSupportMonths: 24,
    maintainedLineMonths: 12,
  },

  /** Impact (0-100), the axis apart from health: how much of your projects rests on the package. */
  impact: {
    // A direct dependency is one you chose and can change; a transitive one you reach through it.
    direct: 40,
    transitive: 10,
    // Shipped to users (prod, optional, peer) rather than only used to build and test.
    shipped: 20,
    // Each doubling of dependents adds this much, up to the cap (1 → 10, 3 → 20, 7 → 30).
    perDoublingOfDependents: 10,
    maxForDependents: 30,
    // In a portfolio, each further project that uses it.
    perExtraProject: 5,
    maxForProjects: 10,
  },

  /** Confidence is the share of evidence weight that was available (0-1). */
  sourceWeights: {
    registry: 0.3,
    git: 0.25,
    advisories: 0.2,
    issues: 0.15,
    usage: 0.1,
  },
  // Doubtful registry data (mirror times, stripped maintainers) costs this much confidence.
  untrustedPenalty: 0.1,

  gate: {
    failOn: ["sunset"] as Verdict[],
    minHealth: 0,
    // As npm audit does by default for CI: a known high or critical hole fails the gate, and the
    // gate fails closed ("not checked") when advisories could not be read.
    failOnSeverity: "high" as GateSeverity | null,
    // Sources whose absence the gate accepts: a check that needs them passes as "not checked".
    allowMissing: [] as SourceName[],
    // Fail when a direct dependency is this many major lines behind; null: off.
    failOnMajorsBehind: null as number | null,
  },

  /** Per-rule overrides by rule id (src/scoring/rules/): turn a rule off, or change its points. */
  rules: {} as Record<string, RuleOverride>,
  /** Whether dev dependencies are analyzed and can fail the gate. */
  includeDev: true,
};

export type Policy = typeof defaultPolicy;
