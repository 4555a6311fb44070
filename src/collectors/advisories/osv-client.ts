/**
 * The OSV API as an advisory source: `POST /v1/querybatch` for the ids of
 * the vulnerabilities of many packages at once (following each query's
 * `next_page_token`), then `GET /v1/vulns/{id}` for each record, every id
 * fetched once per run however many packages share it.
 * API reference: https://google.github.io/osv.dev/api/
 */
import pLimit from "p-limit";
import type { Dispatcher } from "undici";
import { pushAll } from "../../util/extremes.js";
import { unavailable } from "../http/fetch-status.js";
import { createAgent } from "../http/http-dispatcher.js";
import { createHostPatience } from "../http/retry.js";
import type { BackoffOptions } from "../http/retry-policy.js";
import { type OsvRequestContext, requestJson } from "./osv-request.js";
import { parseOsvRecord } from "./parse-osv-record.js";
import type { AdvisorySource, OsvRecord, RecordsResult } from "./types.js";

export interface OsvClientOptions {
  /** Default: the public OSV API. */
  baseUrl?: string;
  userAgent?: string;
  /** Requests in flight at once. */
  concurrency?: number;
  timeoutMs?: number;
  retries?: number;
  /** Queries per querybatch request. */
  batchSize?: number;
  /** Pages followed per query before giving up on it. */
  maxPages?: number;
  /** Advisory ids one package may have before its answer is refused as hostile. */
  maxIdsPerPackage?: number;
  maxBodyBytes?: number;
  /** Replaces the pool (tests, a proxy agent); not closed by close(). */
  dispatcher?: Dispatcher;
  backoff?: Partial<BackoffOptions>;
  /** The longest Retry-After honoured, once per host; a host asking for longer again is rate-limited for the run. */
  maxRetryAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

export const defaultOsvApiUrl = "https://api.osv.dev/";
/** OSV's documented maximum queries per querybatch call. */
const DEFAULT_BATCH_SIZE = 1000;
/**
 * A page holds up to 1000 ids for querybatch; no npm package has more than a
 * few hundred advisories, so 10 pages only ever stops a server that loops.
 */
const DEFAULT_MAX_PAGES = 10;
/**
 * The npm packages with the most OSV advisories have a few hundred (malicious-package
 * feeds included); an answer with more is hostile or broken, and fetching each id
 * would cost a request per id. Only the package it is about loses its answer.
 */
const DEFAULT_MAX_IDS_PER_PACKAGE = 2000;
/** OSV ids are short words (`GHSA-xxxx-xxxx-xxxx`, `CVE-2021-44906`, `MAL-2024-1234`); each becomes a URL. */
const OSV_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
/** OSV is one service: 8 parallel requests is polite and still fast for a few hundred ids. */
const DEFAULT_CONCURRENCY = 8;
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_RETRIES = 3;
const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 8_000 };
const DEFAULT_MAX_RETRY_AFTER_MS = 20_000;
/** A querybatch answer for 1000 packages is ids only, well under a few MB; records are smaller still. */
const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;
const NOT_FOUND = 404;

export function createOsvClient(options: OsvClientOptions = {}): AdvisorySource {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const ownDispatcher = options.dispatcher ? null : createAgent(concurrency);
  const context: OsvRequestContext = {
    dispatcher: options.dispatcher ?? (ownDispatcher as Dispatcher),
    userAgent: options.userAgent ?? "jenga",
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retries: options.retries ?? DEFAULT_RETRIES,
    backoff: { ...DEFAULT_BACKOFF, ...options.backoff },
    maxRetryAfterMs: options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    sleep: options.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms))),
    random: options.random ?? Math.random,
    now: options.now ?? Date.now,
    hosts: createHostPatience(),
  };
  const base = withSlash(options.baseUrl ?? defaultOsvApiUrl);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const caps = {
    maxPages: options.maxPages ?? DEFAULT_MAX_PAGES,
    maxIds: options.maxIdsPerPackage ?? DEFAULT_MAX_IDS_PER_PACKAGE,
  };
  const limit = pLimit(concurrency);

  async function recordsFor(names: readonly string[]): Promise<Map<string, RecordsResult>> {
    const results = new Map<string, RecordsResult>();
    const idsByName = new Map<string, string[]>();
    const batches = chunk([...new Set(names)], batchSize);
    await Promise.all(
      batches.map((batch) =>
        limit(async () => {
          const found = await queryBatch(context, base, batch, caps);
          for (const [name, ids] of found) {
            if (typeof ids === "string") results.set(name, { ok: false, status: ids });
            else idsByName.set(name, ids);
          }
        }),
      ),
    );
    const uniqueIds = [...new Set([...idsByName.values()].flat())];
    const records = new Map<string, OsvRecord | null | { status: string }>();
    await Promise.all(
      uniqueIds.map((id) => limit(async () => records.set(id, await fetchVuln(context, base, id)))),
    );
    for (const [name, ids] of idsByName) results.set(name, assemble(ids, records));
    return results;
  }

  return {
    kind: "osv-api",
    cacheable: true,
    async recordsFor(names) {
      try {
        return await recordsFor(names);
      } catch {
        // A bug here must not abort the analysis; every package says so instead.
        return new Map(names.map((n) => [n, { ok: false, status: unavailable("internal error") }]));
      }
    },
    async close() {
      await ownDispatcher?.close();
    },
  };
}

/** One record's failure fails the package: a partial list would understate its advisories. */
function assemble(
  ids: string[],
  records: Map<string, OsvRecord | null | { status: string }>,
): RecordsResult {
  const found: OsvRecord[] = [];
  for (const id of ids) {
    const record = records.get(id);
    if (record && "status" in record) return { ok: false, status: record.status };
    if (record) found.push(record);
  }
  return { ok: true, records: found };
}

interface Query {
  name: string;
  pageToken: string | null;
}

/** The vulnerability ids of each name, or the status of the batch that failed. */
async function queryBatch(
  context: OsvRequestContext,
  base: string,
  names: string[],
  { maxPages, maxIds }: { maxPages: number; maxIds: number },
): Promise<Map<string, string[] | string>> {
  const found = new Map<string, string[] | string>(names.map((n) => [n, []]));
  let pending: Query[] = names.map((name) => ({ name, pageToken: null }));
  for (let page = 0; pending.length > 0; page++) {
    if (page >= maxPages) {
      for (const q of pending)
        found.set(q.name, unavailable(`more than ${maxPages} pages of results`));
      break;
    }
    const body = {
      queries: pending.map((q) => ({
        package: { ecosystem: "npm", name: q.name },
        ...(q.pageToken ? { page_token: q.pageToken } : {}),
      })),
    };
    const answer = await requestJson(context, `${base}v1/querybatch`, body);
    const results = answer.ok ? batchResults(answer.json, pending.length) : null;
    if (!results) {
      const status = answer.ok ? unavailable("malformed OSV response") : answer.status;
      for (const q of pending) found.set(q.name, status);
      break;
    }
    const next: Query[] = [];
    results.forEach((result, i) => {
      const query = pending[i] as Query;
      const ids = found.get(query.name);
      if (!Array.isArray(ids)) return;
      // A hostile or broken result costs its own package, never the batch.
      if (result === null) found.set(query.name, unavailable("malformed OSV response"));
      else if (ids.length + result.ids.length > maxIds)
        found.set(query.name, unavailable(`OSV answered more than ${maxIds} advisories`));
      else {
        pushAll(ids, result.ids);
        if (result.nextPageToken) next.push({ name: query.name, pageToken: result.nextPageToken });
      }
    });
    pending = next;
  }
  return found;
}

interface BatchResult {
  ids: string[];
  nextPageToken: string | null;
}

/**
 * `results[i]` answers `queries[i]`: a list of the wrong length is a malformed
 * answer (no result can be attributed); one malformed result is null, for its
 * package alone.
 */
function batchResults(json: unknown, expected: number): (BatchResult | null)[] | null {
  const results = (json as { results?: unknown } | null)?.results;
  if (!Array.isArray(results) || results.length !== expected) return null;
  return results.map(batchResult);
}

function batchResult(result: unknown): BatchResult | null {
  if (typeof result !== "object" || result === null) return null;
  const { vulns, next_page_token: token } = result as {
    vulns?: unknown;
    next_page_token?: unknown;
  };
  if (vulns !== undefined && !Array.isArray(vulns)) return null;
  const ids: string[] = [];
  for (const vuln of vulns ?? []) {
    const id = (vuln as { id?: unknown } | null)?.id;
    // An entry without a readable id would be an advisory silently dropped.
    if (typeof id !== "string" || !OSV_ID.test(id)) return null;
    ids.push(id);
  }
  if (token !== undefined && token !== null && typeof token !== "string") return null;
  return { ids, nextPageToken: typeof token === "string" && token !== "" ? token : null };
}

/** A record, null when it is gone (404: deleted since the query) or not a record, or the failure status. */
async function fetchVuln(
  context: OsvRequestContext,
  base: string,
  id: string,
): Promise<OsvRecord | null | { status: string }> {
  const answer = await requestJson(context, `${base}v1/vulns/${encodeURIComponent(id)}`, undefined);
  if (!answer.ok) return answer.httpStatus === NOT_FOUND ? null : { status: answer.status };
  const record = parseOsvRecord(answer.json);
  // A server answering with another id's record would attach it to the wrong packages.
  if (!record || record.id !== id) return { status: unavailable("malformed OSV response") };
  return record;
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

function withSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}
