import pLimit from "p-limit";
import type { InventoryPackage } from "../inventory/types.js";
import type { NeededEvidence, Source, SourceRun, SourceSession } from "./source.js";
import {
  type Evidence,
  type EvidenceMaps,
  missingEvidence,
  type SourceName,
  type SourceStatus,
} from "./types.js";

/** One step of one source: `done` of `total` packages judged. */
export interface SourceProgress {
  stage: SourceName;
  done: number;
  total: number;
  name?: string;
}

/**
 * Collects of one source waiting at once. Each source's client bounds its own
 * requests and clones (the run's --concurrency); this bound only keeps cache
 * reads and open file handles in check.
 */
const pendingPerSource = 64;

/**
 * Runs every source over every package. Per package, a source starts as soon
 * as the sources it needs have answered for that package, so git, advisories,
 * issues and usage overlap once the registry has answered. Every package gets
 * a status from every source: the evidence, the source's reason for being
 * off, or `unavailable: internal error in <source>: …` when it threw.
 * `given`: evidence already collected (`jenga check` resolves its version
 * from the registry first); those sources are not run again.
 */
export async function runSources(
  sources: readonly Source[],
  packages: readonly InventoryPackage[],
  run: SourceRun,
  options: {
    onProgress?: (event: SourceProgress) => void;
    given?: Partial<EvidenceMaps>;
  } = {},
): Promise<EvidenceMaps> {
  // Direct dependencies, then the most depended-on, first: a rate-limited API spends its budget on them.
  const ordered = [...packages].sort(
    (a, b) => Number(b.direct) - Number(a.direct) || b.dependents - a.dependents,
  );
  const pending = new Map<SourceName, Map<string, Promise<Evidence<unknown>>>>();
  const sessions: SourceSession<SourceName>[] = [];
  try {
    for (const source of sources) {
      const given = options.given?.[source.id] as Map<string, Evidence<unknown>> | undefined;
      if (given) {
        pending.set(source.id, new Map([...given].map(([name, e]) => [name, Promise.resolve(e)])));
        continue;
      }
      const perPackage = await startSource(source, ordered, run, pending, options.onProgress);
      pending.set(source.id, perPackage.results);
      if (perPackage.session) sessions.push(perPackage.session);
    }
    const maps = {} as Record<SourceName, Map<string, Evidence<unknown>>>;
    for (const [id, results] of pending) {
      const settled = new Map<string, Evidence<unknown>>();
      for (const [name, promise] of results) settled.set(name, await promise);
      maps[id] = settled;
    }
    return maps as EvidenceMaps;
  } finally {
    // Every source's collects have settled (or the run is failing): clients close once.
    await Promise.allSettled([...pending.values()].flatMap((m) => [...m.values()]));
    await Promise.allSettled(sessions.map((s) => s.close?.()));
  }
}

async function startSource(
  source: Source,
  ordered: readonly InventoryPackage[],
  run: SourceRun,
  pending: Map<SourceName, Map<string, Promise<Evidence<unknown>>>>,
  onProgress?: (event: SourceProgress) => void,
): Promise<{
  results: Map<string, Promise<Evidence<unknown>>>;
  session: SourceSession<SourceName> | null;
}> {
  const results = new Map<string, Promise<Evidence<unknown>>>();
  let done = 0;
  const report = (name: string) =>
    onProgress?.({ stage: source.id, done: ++done, total: ordered.length, name });
  const everyPackage = (status: SourceStatus) => {
    for (const pkg of ordered)
      results.set(pkg.name, Promise.resolve(missingEvidence(source.id, status)));
    onProgress?.({ stage: source.id, done: ordered.length, total: ordered.length });
    return { results, session: null };
  };

  const off = source.off(run);
  if (off) return everyPackage(off);
  let session: SourceSession<SourceName>;
  try {
    session = await source.open(run);
  } catch (error) {
    return everyPackage(internalError(source.id, error));
  }
  const neededBy = async (pkg: InventoryPackage): Promise<NeededEvidence> => {
    const needed: NeededEvidence = {};
    for (const need of source.needs) {
      const evidence = await pending.get(need)?.get(pkg.name);
      if (evidence) (needed as Record<string, Evidence<unknown>>)[need] = evidence;
    }
    return needed;
  };
  // The batch hook runs once, before any collect; its failure is every package's status.
  const batch = session.batch
    ? session.batch(ordered, neededBy).then(
        () => null,
        (error: unknown) => internalError(source.id, error),
      )
    : Promise.resolve(null);
  const limit = pLimit(pendingPerSource);
  for (const pkg of ordered) {
    if (results.has(pkg.name)) continue;
    const collected = (async (): Promise<Evidence<unknown>> => {
      const needed = await neededBy(pkg);
      const batchFailure = await batch;
      if (batchFailure) return missingEvidence(source.id, batchFailure);
      // A hint only: a failure here must not cost the package its evidence.
      try {
        session.announce?.(pkg, needed);
      } catch {}
      return limit(() => session.collect(pkg, needed)).catch((error: unknown) =>
        missingEvidence(source.id, internalError(source.id, error)),
      );
    })().then((evidence) => {
      report(pkg.name);
      return evidence;
    });
    results.set(pkg.name, collected);
  }
  return { results, session };
}

/** A bug or an absurd answer in one source: said as that source's status, with a hint to report it. */
function internalError(source: SourceName, error: unknown): SourceStatus {
  const text = (error instanceof Error ? error.message : String(error))
    .replace(/[^\x20-\x7e]/g, "?")
    .slice(0, 160);
  return `unavailable: internal error in ${source}: ${text} (please report it)`;
}
