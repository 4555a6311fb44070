import semver from "semver";
import type { RegistryEvidence } from "../collectors/registry/types.js";
import { maxOf, minOf } from "../util/extremes.js";

/**
 * Decides whether a packument's publish times are real. Registry mirrors and
 * corporate proxies often rewrite `time` with the moment they copied each
 * version; computing "months since last publish" from those would call a
 * dead package active (or the reverse). Any one of these tells suffices.
 */

export interface PublishTimesAssessment {
  trusted: boolean;
  /** Why they are not trusted, for the report. */
  why: string | null;
}

const day = 24 * 60 * 60 * 1000;

/**
 * Share of consecutive stable versions (same major, in semver order) whose
 * times run backwards. A real history runs forward except for backports (a
 * patch to an older minor after a newer minor), a minority of pairs; copy
 * times come in arbitrary order, about half backwards (the mirror on our own
 * machines shows 40-60%). 0.3 leaves room for backport-heavy packages.
 */
const maxBackwardsShare = 0.3;
/** Below this many pairs the share is noise. */
const minPairsForOrderCheck = 4;
/** Many versions all "published" within this span is a bulk copy, not a release history. */
const bulkCopySpanMs = 3 * day;
const minVersionsForBulkCheck = 10;
/** Clock skew tolerated between a version's time and the packument's `modified`. */
const modifiedSlackMs = day;

const cache = new WeakMap<RegistryEvidence, PublishTimesAssessment>();

export function assessPublishTimes(registry: RegistryEvidence, now: Date): PublishTimesAssessment {
  const cached = cache.get(registry);
  if (cached) return cached;
  const result = assess(registry, now);
  cache.set(registry, result);
  return result;
}

function assess(registry: RegistryEvidence, now: Date): PublishTimesAssessment {
  const timed = Object.entries(registry.versions)
    .map(([version, record]) => ({ version, time: record.time ? Date.parse(record.time) : NaN }))
    .filter((v) => Number.isFinite(v.time) && semver.valid(v.version));
  if (timed.length === 0) return { trusted: false, why: "the registry gives no publish times" };

  // The public registry always records `created` and `modified`; mirrors that rewrite times drop both.
  if (!registry.created && !registry.modified) {
    return {
      trusted: false,
      why: "the registry's time map has no created or modified entry, as rewritten by mirrors",
    };
  }

  const future = timed.filter((v) => v.time > now.getTime() + modifiedSlackMs);
  if (future.length > 0)
    return { trusted: false, why: `${future[0]?.version} is dated in the future` };

  const modified = registry.modified ? Date.parse(registry.modified) : NaN;
  if (Number.isFinite(modified)) {
    const late = timed.find((v) => v.time > modified + modifiedSlackMs);
    if (late)
      return {
        trusted: false,
        why: `${late.version} is dated after the packument was last modified`,
      };
  }

  const stable = timed.filter((v) => !semver.prerelease(v.version));
  const backwards = backwardsShare(stable);
  if (backwards !== null && backwards > maxBackwardsShare) {
    const pct = Math.round(backwards * 100);
    return { trusted: false, why: `${pct}% of versions are dated before the version they follow` };
  }

  if (stable.length >= minVersionsForBulkCheck) {
    const times = stable.map((v) => v.time);
    const span = maxOf(times) - minOf(times);
    if (span < bulkCopySpanMs) {
      return {
        trusted: false,
        why: `all ${stable.length} versions are dated within ${Math.ceil(span / day)} days`,
      };
    }
  }
  return { trusted: true, why: null };
}

function backwardsShare(versions: { version: string; time: number }[]): number | null {
  const sorted = [...versions].sort((a, b) => semver.compare(a.version, b.version));
  let pairs = 0;
  let backwards = 0;
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1];
    const current = sorted[i];
    if (!previous || !current || semver.major(previous.version) !== semver.major(current.version))
      continue;
    pairs++;
    if (current.time < previous.time) backwards++;
  }
  return pairs >= minPairsForOrderCheck ? backwards / pairs : null;
}
