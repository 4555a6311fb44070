/**
 * The bulk advisory endpoint of the registries in the user's npm
 * configuration, as `npm audit` calls it: `POST <registry>/-/npm/v1/security/advisories/bulk`
 * with `{ "<name>": ["<version>", …] }` (@npmcli/arborist, audit-report.js).
 *
 * Unlike npm audit, which posts the whole tree to one registry, each package
 * goes only to the registry that serves it (its scope's, else the default):
 * a private package's name never reaches the public registry. Credentials are
 * chosen as for packuments and never follow a redirect to another origin.
 * Names are posted in batches of bounded size; a registry that refuses the
 * first batch (404/405: not offered) is not asked again in this run.
 */
import pLimit from "p-limit";
import type { Dispatcher } from "undici";
import {
  errorCode,
  exhaustedHttpStatus,
  networkStatus,
  unavailable,
} from "../http/fetch-status.js";
import { createDispatcher } from "../http/http-dispatcher.js";
import { type NpmSettings, registryFor } from "../http/npm-settings.js";
import { authorizationFor } from "../http/registry-auth.js";
import {
  createHostPatience,
  type GiveUp,
  hostOfUrl,
  rateLimitedStatus,
  withRetries,
} from "../http/retry.js";
import type { BackoffOptions } from "../http/retry-policy.js";
import { type BulkResult, parseBulkAnswer } from "./bulk-advisory.js";
import { attemptBulk, type BulkAttempt, type BulkAttemptContext } from "./bulk-advisory-request.js";

export interface BulkAdvisoryQuery {
  name: string;
  /** The versions of the package in the tree. */
  versions: readonly string[];
}

export interface BulkAdvisoryClientOptions {
  /** Requests in flight at once, over all registries. */
  concurrency?: number;
  timeoutMs?: number;
  retries?: number;
  /** Most package names in one request. */
  maxNamesPerBatch?: number;
  /** Most bytes of JSON in one request body (a single larger package still goes, alone). */
  maxBatchBytes?: number;
  maxBodyBytes?: number;
  /** Advisories accepted for one package before it is called a flood. */
  maxAdvisoriesPerPackage?: number;
  /** Replaces the pool built from the settings (tests, a shared agent); not closed by close(). */
  dispatcher?: Dispatcher;
  backoff?: Partial<BackoffOptions>;
  /** The longest Retry-After honoured, once per host; a host asking for longer again is rate-limited for the run. */
  maxRetryAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

export interface BulkAdvisoryClient {
  /** The registry a package's advisories are asked from (its scope's, else the default). */
  registryOf(name: string): string;
  advisoriesFor(queries: readonly BulkAdvisoryQuery[]): Promise<Map<string, BulkResult>>;
  close(): Promise<void>;
}

export const bulkAdvisoryPath = "-/npm/v1/security/advisories/bulk";

/** A few requests at once: the endpoint does the matching server-side and is slow per request. */
const DEFAULT_CONCURRENCY = 4;
/** The public endpoint takes tens of seconds for a large batch (seen in CI logs); 60 s leaves room. */
const DEFAULT_TIMEOUT_MS = 60_000;
/** npm-registry-fetch's fetch-retries default. */
const DEFAULT_RETRIES = 2;
const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 8_000 };
const DEFAULT_MAX_RETRY_AFTER_MS = 20_000;
/** Small batches answer sooner and fail alone; 100 names keep a 1,000-package tree to 10 requests. */
const DEFAULT_MAX_NAMES_PER_BATCH = 100;
/** About 100 names with a few versions each; bounds what one request asks of a proxy. */
const DEFAULT_MAX_BATCH_BYTES = 64 * 1024;
/** The answer for 100 packages is a few hundred KB at worst; 16 MB is a flood. */
const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

export function createBulkAdvisoryClient(
  settings: NpmSettings,
  options: BulkAdvisoryClientOptions = {},
): BulkAdvisoryClient {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const ownDispatcher = options.dispatcher ? null : createDispatcher(settings, concurrency);
  const context: BulkAttemptContext = {
    dispatcher: options.dispatcher ?? (ownDispatcher as Dispatcher),
    userAgent: settings.userAgent,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
  };
  const retries = options.retries ?? DEFAULT_RETRIES;
  const backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const limit = pLimit(concurrency);
  const retrying = {
    retries,
    backoff,
    maxRetryAfterMs: options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS,
    sleep,
    random,
    now,
    hosts: createHostPatience(),
  };
  const batchLimits = {
    names: options.maxNamesPerBatch ?? DEFAULT_MAX_NAMES_PER_BATCH,
    bytes: options.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES,
  };

  async function post(url: string, auth: string | null, batch: BulkAdvisoryQuery[]) {
    const body = JSON.stringify(Object.fromEntries(batch.map((q) => [q.name, [...q.versions]])));
    return withRetries<BulkAttempt>(
      hostOfUrl(url),
      async () => {
        const outcome = await attemptBulk(context, url, auth, body);
        return outcome.kind === "retry-http" || outcome.kind === "retry-network"
          ? outcome
          : { kind: "done", value: outcome };
      },
      retrying,
      (end) => gaveUp(end, now()),
    );
  }

  function settle(
    results: Map<string, BulkResult>,
    batch: BulkAdvisoryQuery[],
    outcome: BulkAttempt,
  ) {
    const names = batch.map((q) => q.name);
    if (outcome.kind === "json") {
      const parsed = parseBulkAnswer(outcome.json, names, options.maxAdvisoriesPerPackage);
      for (const [name, result] of parsed) results.set(name, result);
      return;
    }
    const status = "status" in outcome ? outcome.status : unavailable("no answer");
    for (const name of names) results.set(name, { ok: false, status: String(status) });
  }

  async function askRegistry(
    registry: string,
    queries: BulkAdvisoryQuery[],
    results: Map<string, BulkResult>,
  ): Promise<void> {
    const url = endpointOf(registry);
    if (url === null) {
      for (const q of queries)
        results.set(q.name, { ok: false, status: unavailable("invalid registry URL") });
      return;
    }
    const auth = authorizationFor(settings, url);
    const [first, ...rest] = batchesOf(queries, batchLimits);
    if (!first) return;
    // The first batch alone: a registry without the endpoint is told apart with one request.
    const outcome = await limit(() => post(url, auth, first));
    if (outcome.kind === "refused") {
      for (const q of queries) results.set(q.name, { ok: false, status: outcome.status });
      return;
    }
    settle(results, first, outcome);
    await Promise.all(
      rest.map(async (batch) => settle(results, batch, await limit(() => post(url, auth, batch)))),
    );
  }

  return {
    registryOf: (name) => registryFor(settings, name),
    async advisoriesFor(queries) {
      const results = new Map<string, BulkResult>();
      const byRegistry = new Map<string, BulkAdvisoryQuery[]>();
      for (const query of queries) {
        const registry = registryFor(settings, query.name);
        const group = byRegistry.get(registry) ?? [];
        group.push(query);
        byRegistry.set(registry, group);
      }
      try {
        await Promise.all(
          [...byRegistry].map(([registry, group]) => askRegistry(registry, group, results)),
        );
      } catch (error) {
        // A bug here must not abort the analysis; every package not yet answered says so instead.
        for (const q of queries)
          if (!results.has(q.name))
            results.set(q.name, {
              ok: false,
              status: unavailable(`internal error (${errorCode(error)})`),
            });
      }
      return results;
    },
    async close() {
      await ownDispatcher?.close();
    },
  };
}

/** The endpoint under the registry's URL (a registry may live below a path, as on Artifactory). */
export function endpointOf(registry: string): string | null {
  const base = registry.endsWith("/") ? registry : `${registry}/`;
  if (!URL.canParse(base)) return null;
  const url = new URL(bulkAdvisoryPath, base);
  return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
}

/** Consecutive runs of queries, each under both limits; a query over the byte limit goes alone. */
export function batchesOf(
  queries: readonly BulkAdvisoryQuery[],
  limits: { names: number; bytes: number },
): BulkAdvisoryQuery[][] {
  const batches: BulkAdvisoryQuery[][] = [];
  let current: BulkAdvisoryQuery[] = [];
  let bytes = 2;
  for (const query of queries) {
    // `"name":["v1","v2"],` as JSON.stringify writes it.
    const size = Buffer.byteLength(JSON.stringify({ [query.name]: query.versions })) - 1;
    if (current.length > 0 && (current.length >= limits.names || bytes + size > limits.bytes)) {
      batches.push(current);
      current = [];
      bytes = 2;
    }
    current.push(query);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

function gaveUp(end: GiveUp, now: number): BulkAttempt {
  if (end.why === "rate-limited")
    return { kind: "failed", status: rateLimitedStatus(end.host, end.untilMs, now) };
  if (end.last.kind === "retry-http")
    return { kind: "failed", status: exhaustedHttpStatus(end.last.status, end.retries) };
  return { kind: "failed", status: networkStatus(end.last.code) };
}
