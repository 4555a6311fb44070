/**
 * The registry client: packuments over a keep-alive pool, at most
 * `concurrency` requests in flight, retries with backoff, and a status string
 * instead of an exception for every per-package failure.
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
import type { NpmSettings } from "../http/npm-settings.js";
import { registryFor } from "../http/npm-settings.js";
import { authorizationFor } from "../http/registry-auth.js";
import {
  createHostPatience,
  type GiveUp,
  hostOfUrl,
  rateLimitedStatus,
  withRetries,
} from "../http/retry.js";
import type { BackoffOptions } from "../http/retry-policy.js";
import { isValidPackageName, packumentUrl } from "../shared/package-name.js";
import { type AttemptContext, attemptPackument } from "./packument-request.js";
import { failure, type PackumentResult } from "./packument-result.js";

export type { PackumentResult };

export interface RegistryClientOptions {
  /** Requests in flight at once, and connections per registry. */
  concurrency?: number;
  /** Deadline of one attempt (redirects, headers and body). */
  timeoutMs?: number;
  /** Further attempts after a 429, a 5xx or a transient network error. */
  retries?: number;
  /** Replaces the pool built from the settings (tests, a shared agent); not closed by close(). */
  dispatcher?: Dispatcher;
  backoff?: Partial<BackoffOptions>;
  /** The longest Retry-After honoured, once per host; a host asking for longer again is rate-limited for the run. */
  maxRetryAfterMs?: number;
  /** Bodies above this size are parsed as a stream. */
  streamAboveBytes?: number;
  /** Bodies above this size are refused. */
  maxBodyBytes?: number;
  /** Injected for tests: how to wait, the jitter source, the clock (for Retry-After dates). */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

export interface RegistryClient {
  fetchPackument(name: string, options?: { etag?: string | null }): Promise<PackumentResult>;
  close(): Promise<void>;
}

/** npm's default maxsockets is 15 per origin; 16 keeps a registry as busy as npm does. */
const DEFAULT_CONCURRENCY = 16;
/** npm-registry-fetch's default timeout. */
const DEFAULT_TIMEOUT_MS = 30_000;
/** One more than npm's fetch-retries default (2): a full analysis makes thousands of requests. */
const DEFAULT_RETRIES = 3;
/** Half a second, doubling: 0.5, 1, 2 s before jitter; a failing package costs a few seconds, not a minute. */
const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 8_000 };
/** A registry asking for more than 20 s is not coming back within this run's patience. */
const DEFAULT_MAX_RETRY_AFTER_MS = 20_000;
/**
 * JSON.parse is several times faster, but holds the whole document: below
 * 8 MB (most packuments are well under 1 MB) that costs little memory.
 */
const DEFAULT_STREAM_ABOVE_BYTES = 8 * 1024 * 1024;
/** The largest packuments on the public registry are a few tens of megabytes. */
const DEFAULT_MAX_BODY_BYTES = 200 * 1024 * 1024;

export function createRegistryClient(
  settings: NpmSettings,
  options: RegistryClientOptions = {},
): RegistryClient {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const retries = options.retries ?? DEFAULT_RETRIES;
  const backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
  const maxRetryAfterMs = options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const ownDispatcher = options.dispatcher ? null : createDispatcher(settings, concurrency);
  const dispatcher = options.dispatcher ?? (ownDispatcher as Dispatcher);
  const limit = pLimit(concurrency);
  const context = (registry: string): AttemptContext => ({
    dispatcher,
    userAgent: settings.userAgent,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    limits: {
      streamAboveBytes: options.streamAboveBytes ?? DEFAULT_STREAM_ABOVE_BYTES,
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    },
    registry,
  });

  const retrying = {
    retries,
    backoff,
    maxRetryAfterMs,
    sleep,
    random,
    now,
    hosts: createHostPatience(),
  };

  async function fetchOne(name: string, etag: string | null): Promise<PackumentResult> {
    const registry = registryFor(settings, name);
    const url = packumentUrl(registry, name);
    if (!URL.canParse(url)) return failure(unavailable("invalid registry URL"));
    const authorization = authorizationFor(settings, url);
    const result = await withRetries(
      hostOfUrl(url),
      async () => {
        const outcome = await attemptPackument(context(registry), url, authorization, etag);
        return outcome.kind === "done" ? { kind: "done", value: outcome.result } : outcome;
      },
      retrying,
      (end) => gaveUp(end, now()),
    );
    return checkedName(result, name);
  }

  return {
    async fetchPackument(name, fetchOptions = {}) {
      if (!isValidPackageName(name)) return failure(unavailable("invalid package name"));
      try {
        return await limit(() => fetchOne(name, fetchOptions.etag ?? null));
      } catch (error) {
        // A bug here must not abort the whole analysis; the status still names the error.
        return failure(unavailable(`internal error (${errorCode(error)})`));
      }
    },
    // Requests still queued then fail with a status (the pool is closed), never hang.
    async close() {
      await ownDispatcher?.close();
    },
  };
}

function gaveUp(end: GiveUp, now: number): PackumentResult {
  if (end.why === "rate-limited") return failure(rateLimitedStatus(end.host, end.untilMs, now));
  if (end.last.kind === "retry-http")
    return failure(exhaustedHttpStatus(end.last.status, end.retries));
  return failure(networkStatus(end.last.code));
}

/**
 * A registry (or a hostile mirror) answering with another package's document
 * would attach its facts to the wrong name. A packument without a name gets
 * the one we asked for.
 */
function checkedName(result: PackumentResult, name: string): PackumentResult {
  if (!result.ok || result.notModified) return result;
  if (result.evidence.name === "") return { ...result, evidence: { ...result.evidence, name } };
  return result.evidence.name === name
    ? result
    : failure(unavailable("packument is for another package"));
}
