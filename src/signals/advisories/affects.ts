import semver from "semver";
import type { AffectedEntry, OsvEvent, OsvRange } from "../../collectors/advisories/types.js";

/**
 * Does an advisory affect a version? OSV's evaluation, pure
 * (https://ossf.github.io/osv-schema/#evaluation): sort a range's events by
 * version, then the last event at or below the version decides: `introduced`
 * opens, `fixed` closes at that version, `last_affected` closes just after
 * it; `limit` caps the whole range. Explicit `versions` are affected too.
 *
 * npm's ECOSYSTEM order is semver's order, so SEMVER and ECOSYSTEM ranges
 * are evaluated alike. Pre-releases sort as semver says (1.2.3-rc.1 < 1.2.3),
 * which is what OSV means: unlike an npm range `<1.2.3`, an OSV range with
 * `fixed: 1.2.3` does include 1.2.3-rc.1. GIT ranges name commits, not
 * versions, and are ignored.
 *
 * An entry from the registry's bulk advisories carries an npm range instead
 * (`semver`), tested as npm audit tests it (@npmcli/metavuln-calculator's
 * advisory.js: `semver.satisfies` with `includePrerelease` and `loose`); its
 * fixed versions are the exclusive upper bounds (`<1.2.6`) of its parts.
 */

export type { AffectedEntry };

/** npm audit's options for `vulnerable_versions` (metavuln-calculator, advisory.js). */
const npmRangeOptions = { includePrerelease: true, loose: true } as const;

const versionOrdered = new Set(["SEMVER", "ECOSYSTEM"]);
/** `introduced: "0"` means "since the first version". */
const origin = "0";
/** `limit: "*"` means "no limit". */
const noLimit = "*";

/** True or false for a semver version; null when the version is not semver and cannot be placed. */
export function affectsVersion(
  version: string,
  affected: readonly AffectedEntry[],
): boolean | null {
  if (!semver.valid(version)) return null;
  return affected.some((entry) => entryAffects(version, entry));
}

function entryAffects(version: string, entry: AffectedEntry): boolean {
  if (entry.versions.some((listed) => sameVersion(listed, version))) return true;
  if (entry.semver !== undefined && semver.satisfies(version, entry.semver, npmRangeOptions))
    return true;
  return entry.ranges.some((range) => rangeAffects(version, range));
}

function sameVersion(listed: string, version: string): boolean {
  return listed === version || (semver.valid(listed) !== null && semver.eq(listed, version));
}

export function rangeAffects(version: string, range: OsvRange): boolean {
  if (!versionOrdered.has(range.type)) return false;
  const limits = range.events.flatMap((e) => ("limit" in e ? [e.limit] : []));
  const limited = limits.length > 0 && !limits.some((l) => l === noLimit || lessThan(version, l));
  if (limited) return false;
  let affected = false;
  for (const event of sortedEvents(range.events)) {
    if ("introduced" in event) {
      if (event.introduced === origin || !lessThan(version, event.introduced)) affected = true;
    } else if ("fixed" in event) {
      if (!lessThan(version, event.fixed)) affected = false;
    } else if ("last_affected" in event) {
      if (greaterThan(version, event.last_affected)) affected = false;
    }
  }
  return affected;
}

/** Events in version order, `introduced: "0"` first; events with unparseable versions dropped. */
function sortedEvents(events: readonly OsvEvent[]): OsvEvent[] {
  const keyed = events.flatMap((event): { event: OsvEvent; at: string | null }[] => {
    const at = eventVersion(event);
    if ("limit" in event) return [];
    if (at === origin && "introduced" in event) return [{ event, at: null }];
    return semver.valid(at) ? [{ event, at }] : [];
  });
  // Array.prototype.sort is stable: events at the same version keep the record's order.
  keyed.sort((a, b) => (a.at === null ? -1 : b.at === null ? 1 : semver.compare(a.at, b.at)));
  return keyed.map((k) => k.event);
}

function eventVersion(event: OsvEvent): string {
  if ("introduced" in event) return event.introduced;
  if ("fixed" in event) return event.fixed;
  if ("last_affected" in event) return event.last_affected;
  return event.limit;
}

// An unparseable bound never matches: neither opens nor closes a range.
function lessThan(version: string, bound: string): boolean {
  return semver.valid(bound) !== null && semver.lt(version, bound);
}

function greaterThan(version: string, bound: string): boolean {
  return semver.valid(bound) !== null && semver.gt(version, bound);
}

/** Every valid `fixed` version of the advisory, ascending. */
export function fixedVersions(affected: readonly AffectedEntry[]): string[] {
  const fixed = new Set<string>();
  for (const entry of affected)
    for (const range of entry.ranges)
      if (versionOrdered.has(range.type))
        for (const event of range.events)
          if ("fixed" in event && semver.valid(event.fixed)) fixed.add(event.fixed);
  for (const entry of affected)
    if (entry.semver !== undefined)
      for (const bound of npmUpperBounds(entry.semver)) fixed.add(bound);
  return [...fixed].sort(semver.compare);
}

/**
 * The exclusive upper bounds of an npm range's parts (`>=1.0.0 <1.2.6 || <0.2.4`
 * → 1.2.6, 0.2.4): the first version past each affected stretch. An inclusive
 * bound (`<=1.2.5`) names no fix, like OSV's `last_affected`; a bound semver
 * made up (`^1.2.3` → `<2.0.0-0`) is the release it stands for.
 */
function npmUpperBounds(range: string): string[] {
  let parsed: semver.Range;
  try {
    parsed = new semver.Range(range, npmRangeOptions);
  } catch {
    return [];
  }
  const bounds: string[] = [];
  for (const part of parsed.set)
    for (const comparator of part)
      if (comparator.operator === "<") {
        const { major, minor, patch, prerelease } = comparator.semver;
        const synthetic = prerelease.length === 1 && prerelease[0] === 0;
        bounds.push(synthetic ? `${major}.${minor}.${patch}` : comparator.semver.version);
      }
  return bounds;
}

/**
 * The lowest version above `version` that fixes every one of `advisories`:
 * a `fixed` version of one of them that none of them affects. Null when
 * there is none (some advisory was never fixed, or only `last_affected` is known).
 */
export function lowestFixFor(
  version: string,
  advisories: readonly (readonly AffectedEntry[])[],
): string | null {
  if (!semver.valid(version)) return null;
  const candidates = [...new Set(advisories.flatMap((a) => fixedVersions(a)))]
    .filter((v) => semver.gt(v, version))
    .sort(semver.compare);
  return candidates.find((c) => advisories.every((a) => affectsVersion(c, a) === false)) ?? null;
}
