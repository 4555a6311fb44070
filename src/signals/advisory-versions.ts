import semver from "semver";
import type { Advisory, AdvisoryEvidence, SeverityBucket } from "../collectors/advisories/types.js";
import { affectsVersion, lowestFixFor } from "./advisories/affects.js";

/** Pure helpers over AdvisoryEvidence shared by the advisory signals. */

/**
 * Why the advisories have no dates, or null when some provider gives them:
 * the registry's bulk endpoint lists no publication dates (and only the
 * advisories affecting the installed versions), so when it is the only
 * provider that answered, every date-based signal is unknown, not zero.
 */
export function undatedAdvisories(evidence: AdvisoryEvidence): string | null {
  if (evidence.source !== "registry-bulk") return null;
  const datedAnswered = (evidence.providers ?? []).some(
    (p) => p.provider !== "registry-bulk" && p.status === "ok",
  );
  return datedAnswered
    ? null
    : "only the registry's bulk advisories answered, and they carry no publication dates";
}

/** Severity from worst to least; `unknown` ranks above `none`: an unrated advisory is still a report. */
const severityRank: Record<SeverityBucket, number> = {
  critical: 5,
  high: 4,
  medium: 3,
  low: 2,
  unknown: 1,
  none: 0,
};

export function worstSeverity(advisories: readonly Advisory[]): Advisory | null {
  let worst: Advisory | null = null;
  for (const a of advisories) {
    const better =
      worst === null ||
      severityRank[a.severity] > severityRank[worst.severity] ||
      (a.severity === worst.severity && (a.score ?? -1) > (worst.score ?? -1));
    if (better) worst = a;
  }
  return worst;
}

export interface VersionUpgrade {
  installed: string;
  /** Lowest version fixing every fixable advisory open on `installed`; null when none is fixable. */
  upgradeTo: string | null;
  crossesMajor: boolean;
}

export interface OpenAdvisories {
  /** Advisories affecting at least one installed version. */
  open: Advisory[];
  /** Those with a fixed version above an affected installed version. */
  fixable: Advisory[];
  /** Those with no fix above any affected installed version: upgrading does not help. */
  unfixed: Advisory[];
  /** One per affected installed version, in semver order. */
  upgrades: VersionUpgrade[];
}

/** The advisories open on the installed versions now, and the upgrade that closes the fixable ones. */
export function openAdvisories(
  advisories: readonly Advisory[],
  installed: readonly string[],
): OpenAdvisories {
  const versions = installed.filter((v) => semver.valid(v)).sort(semver.compare);
  const open = new Set<Advisory>();
  const fixable = new Set<Advisory>();
  const upgrades: VersionUpgrade[] = [];
  for (const version of versions) {
    const onVersion = advisories.filter((a) => affectsVersion(version, a.affected) === true);
    if (onVersion.length === 0) continue;
    for (const a of onVersion) open.add(a);
    const withFix = onVersion.filter((a) => lowestFixFor(version, [a.affected]) !== null);
    for (const a of withFix) fixable.add(a);
    const upgradeTo =
      withFix.length > 0
        ? lowestFixFor(
            version,
            withFix.map((a) => a.affected),
          )
        : null;
    upgrades.push({
      installed: version,
      upgradeTo,
      crossesMajor: upgradeTo !== null && crossesMajor(version, upgradeTo),
    });
  }
  return {
    open: [...open],
    fixable: [...fixable],
    unfixed: [...open].filter((a) => !fixable.has(a)),
    upgrades,
  };
}

/** Under 1.0 every minor may break (semver item 4), so 0.x minors count as majors, as in majorsBehind. */
export function crossesMajor(from: string, to: string): boolean {
  if (semver.major(from) === 0 && semver.major(to) === 0)
    return semver.minor(to) > semver.minor(from);
  return semver.major(to) > semver.major(from);
}
