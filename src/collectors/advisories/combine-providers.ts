import type { Evidence } from "../types.js";
import type { Advisory, AdvisoryEvidence, AdvisorySourceKind, ProviderOutcome } from "./types.js";

export interface ProviderEvidence {
  provider: AdvisorySourceKind;
  evidence: Evidence<AdvisoryEvidence>;
}

/** How a provider is named in a status line. */
const providerNames: Readonly<Record<AdvisorySourceKind, string>> = {
  "registry-bulk": "registry bulk advisories",
  "osv-api": "OSV API",
  "osv-export": "OSV export",
  "github-advisory-database": "GitHub advisory database",
};

const offlineMiss = "offline: not in cache";

/**
 * One package's advisory evidence from several providers, in the order given:
 * `ok` when any answered. Advisories are merged by id and alias (a GHSA id
 * from the registry meets the same GHSA id from OSV): the later provider's
 * record of the same advisory replaces the earlier one's, since the order puts
 * the dated source (OSV) after the reachable one (the registry); advisories
 * only one provider knows are kept. Pure.
 */
export function combineProviders(
  name: string,
  outcomes: readonly ProviderEvidence[],
): Evidence<AdvisoryEvidence> {
  const providers: ProviderOutcome[] = outcomes.map((o) => ({
    provider: o.provider,
    status: o.evidence.status,
  }));
  const answered = outcomes.filter((o) => o.evidence.data !== null);
  const first = answered[0];
  if (!first) return { ...failed(outcomes), data: null };
  const fetched = answered
    .map((o) => o.evidence.fetchedAt)
    .filter((t): t is string => t !== null)
    .sort();
  const advisories = mergeAdvisories(answered.map((o) => o.evidence.data?.advisories ?? []));
  return {
    source: "advisories",
    status: "ok",
    // The oldest answer dates the whole: the evidence is as old as its oldest part.
    fetchedAt: fetched[0] ?? null,
    fromCache: answered.every((o) => o.evidence.fromCache),
    data: { name, source: (first.evidence.data as AdvisoryEvidence).source, providers, advisories },
  };
}

/** One line for a package no provider answered: each provider's reason, the first as the status leads. */
function failed(outcomes: readonly ProviderEvidence[]): Omit<Evidence<AdvisoryEvidence>, "data"> {
  const statuses = outcomes.map((o) => o.evidence.status);
  const status =
    statuses.length > 0 && statuses.every((s) => s === offlineMiss)
      ? offlineMiss
      : outcomes
          .map((o, i) =>
            i === 0 ? o.evidence.status : `${providerNames[o.provider]}: ${o.evidence.status}`,
          )
          .join("; ");
  return {
    source: "advisories",
    status: status || "unavailable: no advisory provider",
    fetchedAt: null,
    fromCache: false,
  };
}

function mergeAdvisories(lists: readonly (readonly Advisory[])[]): Advisory[] {
  const merged: Advisory[] = [];
  for (const list of lists) {
    for (const advisory of list) {
      const names = new Set([advisory.id, ...advisory.aliases]);
      const same = merged.findIndex((m) => names.has(m.id) || m.aliases.some((a) => names.has(a)));
      if (same === -1) merged.push(advisory);
      else merged[same] = advisory;
    }
  }
  return merged.sort(
    (a, b) => (a.published ?? "").localeCompare(b.published ?? "") || a.id.localeCompare(b.id),
  );
}
