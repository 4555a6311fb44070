import type { SignalSet } from "../signals/compute-signals.js";
import { formatBytes } from "./messages.js";
import type { Policy } from "./policy.js";
import { bool, list, note, num } from "./signal-values.js";

/**
 * The notions several rules share, defined once: maintenance evidence,
 * silence, size, finished, abandoned, one maintainer, a maintained
 * alternative. Pure: signals and the user's policy in.
 */
export interface PackageFacts {
  /** Git history, or publish times jenga trusts: without either, health is unknown. */
  maintenanceEvidence: boolean;
  /** What is missing when there is no maintenance evidence (for the `unknown` reason). */
  missing: string[];
  /** Months since the newest human commit (null without git history). */
  commitSilence: number | null;
  /** Months since the newest release: trusted publish times, else git tags. */
  releaseSilence: number | null;
  releaseFrom: "registry" | "tags" | null;
  /** Months with neither a human commit nor a release: the smaller of the two that are known. */
  silence: number | null;
  /** The package's code size and where it was measured. */
  size: { bytes: number; text: string; from: "unpacked" | "source" } | null;
  tiny: boolean;
  nonTrivial: boolean;
  /** Few source files or lines (tests, docs and config not counted). */
  small: boolean;
  /** Quiet, small, no security fix in the lookback, no open advisory, no pile of open bugs. */
  finished: boolean;
  /** Quiet for the abandonment line and not finished. */
  abandoned: boolean;
  /** A maintained alternative, and where it was named. */
  successor: { name: string; from: string } | null;
  /** One person can publish it (registry), else one human author in the recent window (git). */
  soleMaintainer: "registry" | "git" | null;
}

export function computeFacts(signals: SignalSet, policy: Policy): PackageFacts {
  const git = policy.git;
  const gitKnown = typeof signals.commitsLast12Months?.value === "number";
  const commitSilence = num(signals, "monthsSinceLastHumanCommit");
  // Times the packument passes but its own git tags contradict are a proxy's copy times.
  const contradicted = signals.publishMatchesTags?.value === false;
  const published = contradicted ? null : num(signals, "monthsSinceLastPublish", true);
  const tagged = num(signals, "monthsSinceLastTag");
  const releaseSilence = published ?? tagged;
  const releaseFrom = published !== null ? "registry" : tagged !== null ? "tags" : null;
  const known = [commitSilence, releaseSilence].filter((m): m is number => m !== null);
  const silence = known.length > 0 ? known.reduce((a, b) => Math.min(a, b)) : null;

  const size = sizeOf(signals);
  const unpacked = num(signals, "unpackedSize");
  const source = num(signals, "codeBytes");
  const tiny =
    unpacked !== null
      ? unpacked < policy.registry.tinyBytes
      : source !== null && source < git.tinySourceBytes;
  const nonTrivial =
    unpacked !== null
      ? unpacked >= policy.registry.nonTrivialBytes
      : source !== null && source >= git.nonTrivialSourceBytes;
  const files = num(signals, "sourceFiles");
  const lines = num(signals, "linesOfCode");
  // Lines say how much code there is; the file count stands in when contents were not fetched,
  // and without a clone the unpacked size (a few files and a README).
  const small =
    tiny ||
    (lines !== null
      ? lines <= git.smallSourceLines
      : files !== null
        ? files <= git.smallSourceFiles
        : unpacked !== null && unpacked < policy.registry.smallBytes);

  const quiet = silence !== null && silence >= git.abandonedMonths;
  const securityFixes = num(signals, "securityFixCommits") ?? 0;
  const openAdvisories = list(signals, "openAdvisories").length;
  const openBugs = Number(signals.openIssues?.detail?.bugsRead ?? 0);
  const finished =
    quiet &&
    small &&
    securityFixes === 0 &&
    openAdvisories === 0 &&
    openBugs <= policy.issues.quietOpenMax;

  return {
    maintenanceEvidence: gitKnown || published !== null,
    missing: missingEvidence(signals, gitKnown),
    commitSilence,
    releaseSilence,
    releaseFrom,
    silence,
    size,
    tiny,
    nonTrivial,
    small,
    finished,
    abandoned: quiet && !finished,
    successor: successorOf(signals),
    soleMaintainer: soleMaintainerOf(signals, policy),
  };
}

function sizeOf(signals: SignalSet): PackageFacts["size"] {
  const unpacked = num(signals, "unpackedSize");
  if (unpacked !== null) return { bytes: unpacked, text: formatBytes(unpacked), from: "unpacked" };
  const source = num(signals, "codeBytes");
  if (source !== null) return { bytes: source, text: formatBytes(source), from: "source" };
  return null;
}

function missingEvidence(signals: SignalSet, gitKnown: boolean): string[] {
  const missing: string[] = [];
  if (!gitKnown) {
    const why = signals.commitsLast12Months?.note ?? "not collected";
    missing.push(`no git history (${why.replace(/^unknown: git /, "")})`);
  }
  const publish = signals.monthsSinceLastPublish;
  if (!publish || publish.value === null)
    missing.push(
      `no publish times (${(publish?.note ?? "not collected").replace(/^unknown: /, "")})`,
    );
  // Why they are not trusted (a mirror's copy times, say) is in the run notes, once.
  else if (!publish.trusted || signals.publishMatchesTags?.value === false)
    missing.push("publish times not trusted");
  return missing;
}

function soleMaintainerOf(signals: SignalSet, policy: Policy): PackageFacts["soleMaintainer"] {
  const count = num(signals, "maintainers");
  if (count !== null)
    return count > 0 && count <= policy.registry.soleMaintainerCount ? "registry" : null;
  // A mirror that strips maintainers: the recent history says whether one person carries it.
  return num(signals, "recentAuthors") === 1 ? "git" : null;
}

/**
 * "use X instead", "moved to X", "renamed to X", "replaced by X", "in favour of X",
 * "superseded by X", "migrate to X": how publishers name a successor. The name is
 * quoted in a reason, never followed.
 */
const successorPattern =
  /\b(?:use|switch to|moved to|renamed to|replaced by|in favou?r of|superseded by|migrate to|successor is)\s+(?:the\s+)?[`'"]?(@?[a-z0-9][\w.-]*(?:\/[\w.-]+)?)/i;
/** Words that follow "use" in sentences that name no successor ("use at your own risk"). */
const notANameAfterUse = new Set([
  "at",
  "it",
  "this",
  "a",
  "an",
  "of",
  "with",
  "your",
  "in",
  "is",
  "only",
]);

export function successorIn(text: string): string | null {
  const match = successorPattern.exec(text);
  const name = match?.[1]?.replace(/[.,;:]+$/, "");
  if (!name || notANameAfterUse.has(name.toLowerCase())) return null;
  return name;
}

function successorOf(signals: SignalSet): PackageFacts["successor"] {
  const replacement = signals.replacement;
  const names = list(signals, "replacement");
  if (replacement?.detail?.kind === "preferred" && names.length > 0)
    return { name: names.join(", "), from: "the e18e module-replacements list" };
  if (bool(signals, "deprecated")) {
    const named = successorIn(note(signals, "deprecated"));
    if (named) return { name: named, from: "its deprecation message" };
  }
  const notice = signals.maintenanceNotice;
  if (notice && typeof notice.value === "string" && notice.value !== "none") {
    const named = successorIn(notice.note ?? "");
    if (named) return { name: named, from: "its README" };
  }
  return null;
}
