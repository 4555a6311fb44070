import type { Advisory } from "../../collectors/advisories/types.js";
import type { RegistryEvidence } from "../../collectors/registry/types.js";
import { minOf } from "../../util/extremes.js";
import { undatedAdvisories } from "../advisory-versions.js";
import { defineSignal, type SeriesPoint } from "../define-signal.js";
import { assessPublishTimes } from "../publish-times.js";
import { dayMs } from "../time.js";
import { fixedVersions } from "./affects.js";

/**
 * A package's whole advisory record stays well under this; more is a flood of
 * records (or a hostile database), and the newest ones are the ones to read.
 */
const maxPoints = 200;

/**
 * Every advisory in publication order, with how it ended: fixed after how many
 * days (from the first fixed version's publish time, only when those times are
 * trusted, as timeToFix), not fixed in any version (with the days it has been
 * open), or fixed at a time jenga cannot tell.
 */
export const advisoryTimeline = defineSignal({
  id: "advisoryTimeline",
  needs: ["advisories", "registry"],
  compute({ evidence: { advisories, registry }, now }) {
    const undatedSource = undatedAdvisories(advisories);
    if (undatedSource) return { value: null, note: undatedSource };
    const times = assessPublishTimes(registry, now);
    const dated = advisories.advisories
      .map((a) => ({ a, published: a.published ? Date.parse(a.published) : Number.NaN }))
      .filter((d) => Number.isFinite(d.published) && d.published <= now.getTime())
      .sort((x, y) => x.published - y.published || (x.a.id < y.a.id ? -1 : 1));
    const undated = advisories.advisories.length - dated.length;
    if (dated.length === 0)
      return {
        value: null,
        note: undated > 0 ? "no advisory has a publication date" : "no advisories",
      };
    const kept = dated.slice(-maxPoints);
    const value = kept.map(({ a, published }) =>
      timelinePoint(a, published, times.trusted ? registry : null, now),
    );
    const notes = [
      times.trusted ? null : `fix times unknown: ${times.why ?? "publish times untrusted"}`,
      kept.length < dated.length ? `the newest ${maxPoints} of ${dated.length}` : null,
      undated > 0 ? `${undated} without a past publication date left out` : null,
    ].filter((n) => n !== null);
    const count = (status: string) => value.filter((p) => p.status === status).length;
    return {
      value,
      // The dates and outcomes come from the advisory database; only the fix times rest on the registry.
      trusted: times.trusted,
      ...(notes.length > 0 ? { note: notes.join("; ") } : {}),
      detail: {
        fixed: count("fixed"),
        notFixed: count("not-fixed"),
        fixTimeUnknown: count("unknown"),
      },
    };
  },
});

function timelinePoint(
  advisory: Advisory,
  published: number,
  registry: RegistryEvidence | null,
  now: Date,
): SeriesPoint {
  const base = {
    date: new Date(published).toISOString().slice(0, 10),
    id: advisory.id,
    severity: advisory.severity,
  };
  const fixed = fixedVersions(advisory.affected);
  if (fixed.length === 0)
    return {
      ...base,
      status: "not-fixed",
      daysOpen: Math.floor((now.getTime() - published) / dayMs),
    };
  const fixTimes = fixed
    .map((v) => registry?.versions[v]?.time)
    .map((t) => (t ? Date.parse(t) : Number.NaN))
    .filter(Number.isFinite);
  if (fixTimes.length === 0) return { ...base, status: "unknown" };
  // A fix released before the advisory (coordinated disclosure) took no time from the users' view.
  const days = Math.max(0, Math.round((minOf(fixTimes) - published) / dayMs));
  return { ...base, status: "fixed", daysToFix: days };
}
