/**
 * The GitHub REST client: GETs under one API base, at most `concurrency` in
 * flight, aware of the primary rate limit (it stops before the budget is
 * spent and says when it resets) and of secondary limits (it waits as told).
 * The token is used by github-request.ts for the API origin only.
 * https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api
 */
import pLimit from "p-limit";
import type { Dispatcher } from "undici";
import { unavailable } from "../http/fetch-status.js";
import { createAgent } from "../http/http-dispatcher.js";
import { createHostPatience } from "../http/retry.js";
import type { BackoffOptions } from "../http/retry-policy.js";
import {
  type GitHubAnswer,
  type GitHubRequestContext,
  githubGet,
  type RateHeaders,
} from "./github-request.js";

export type { GitHubAnswer };

export interface GitHubClientOptions {
  /** Default: the public API. JENGA_GITHUB_API_URL replaces it (mirrors, GHES, tests). */
  baseUrl?: string;
  token?: string | null;
  userAgent?: string;
  concurrency?: number;
  timeoutMs?: number;
  retries?: number;
  maxBodyBytes?: number;
  /** Replaces the pool (tests, a proxy agent); not closed by close(). */
  dispatcher?: Dispatcher;
  backoff?: Partial<BackoffOptions>;
  maxRetryAfterMs?: number;
  secondaryWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

export interface RateBudget {
  authenticated: boolean;
  /** Null until the first answer tells. */
  remaining: number | null;
  limit: number | null;
  resetAt: number | null;
}

export interface GitHubApi {
  /** GET a path under the base (`repos/o/r/issues?state=all`) or a same-origin URL (a Link). */
  get(pathOrUrl: string, accept?: string): Promise<GitHubAnswer>;
  /** Null when `requests` more fit in the known budget; else the rate-limit status. */
  reserve(requests: number): string | null;
  budget(): RateBudget;
  close(): Promise<void>;
}

export const defaultGitHubApiUrl = "https://api.github.com/";
export const jsonAccept = "application/vnd.github+json";
/** The README rendered to HTML, as github.com shows it. */
export const htmlAccept = "application/vnd.github.html+json";

/**
 * GitHub allows up to 100 concurrent requests but asks clients to go
 * gently; 4 keeps a large analysis moving without tripping secondary limits.
 */
const DEFAULT_CONCURRENCY = 4;
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_RETRIES = 3;
const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, maxMs: 16_000 };
/** GitHub's secondary-limit retry-after is usually 60 s; longer than two minutes is not worth the run's time. */
const DEFAULT_MAX_RETRY_AFTER_MS = 120_000;
/** "wait for at least one minute before retrying" when no retry-after is given (GitHub's docs). */
const DEFAULT_SECONDARY_WAIT_MS = 60_000;
/** A page of 100 issues is ~0.5 MB; a rendered README rarely passes 1 MB. */
const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;
/** A renamed repository answers with one redirect; three is generous. */
const MAX_REDIRECTS = 3;
const MS_PER_MINUTE = 60_000;

export function createGitHubClient(options: GitHubClientOptions = {}): GitHubApi {
  const base = new URL(withSlash(options.baseUrl ?? defaultGitHubApiUrl));
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const ownDispatcher = options.dispatcher ? null : createAgent(concurrency);
  const now = options.now ?? Date.now;
  const token = options.token || null;
  const state: RateBudget = {
    authenticated: token !== null,
    remaining: null,
    limit: null,
    resetAt: null,
  };
  const rateLimitStatus = (resetAt: number | null) => limitStatus(token !== null, resetAt, now());
  const context: GitHubRequestContext = {
    dispatcher: options.dispatcher ?? (ownDispatcher as Dispatcher),
    userAgent: options.userAgent ?? "jenga",
    apiOrigin: base.origin,
    token,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retries: options.retries ?? DEFAULT_RETRIES,
    backoff: { ...DEFAULT_BACKOFF, ...options.backoff },
    maxRetryAfterMs: options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS,
    secondaryWaitMs: options.secondaryWaitMs ?? DEFAULT_SECONDARY_WAIT_MS,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    maxRedirects: MAX_REDIRECTS,
    sleep: options.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms))),
    random: options.random ?? Math.random,
    now,
    onRateHeaders: (headers: RateHeaders) => {
      if (headers.remaining !== null) state.remaining = headers.remaining;
      if (headers.limit !== null) state.limit = headers.limit;
      if (headers.resetAt !== null) state.resetAt = headers.resetAt;
    },
    rateLimitStatus,
    hosts: createHostPatience(),
  };
  const limit = pLimit(concurrency);
  /**
   * The status of a network failure that outlived every retry: the API is
   * unreachable (no network, DNS, a firewall), and every later request would
   * spend the same retries to learn the same thing.
   */
  let unreachable: string | null = null;

  /** A known-spent budget that has not reset yet. */
  function spent(needed: number): boolean {
    if (state.remaining === null || state.remaining >= needed) return false;
    return state.resetAt === null || state.resetAt > now();
  }

  return {
    async get(pathOrUrl, accept = jsonAccept) {
      const url = resolve(base, pathOrUrl);
      if (!url) return { ok: false, status: unavailable("link to another host") };
      return limit(async () => {
        if (unreachable) return { ok: false, status: unreachable };
        if (spent(1))
          return { ok: false, status: rateLimitStatus(state.resetAt), rateLimited: true };
        try {
          const answer = await githubGet(context, url, accept);
          if (!answer.ok && answer.network) unreachable = answer.status;
          return answer;
        } catch {
          // A bug here must not abort the analysis; the repository says so instead.
          return { ok: false, status: unavailable("internal error") };
        }
      });
    },
    reserve(requests) {
      return spent(requests) ? rateLimitStatus(state.resetAt) : null;
    },
    budget: () => ({ ...state }),
    async close() {
      await ownDispatcher?.close();
    },
  };
}

/**
 * `unavailable: rate limit (resets in 42m)`; without a token it says so, since
 * the unauthenticated budget (60 an hour) is the usual cause and a token the fix.
 */
export function limitStatus(authenticated: boolean, resetAt: number | null, nowMs: number): string {
  const minutes =
    resetAt === null ? null : Math.max(1, Math.ceil((resetAt - nowMs) / MS_PER_MINUTE));
  const when = minutes === null ? "" : ` (resets in ${minutes}m)`;
  return authenticated
    ? unavailable(`rate limit${when}`)
    : unavailable(`rate limit without a token${when}; set GITHUB_TOKEN`);
}

/** A path under the base, or an absolute URL on the base's origin (pagination links); else null. */
function resolve(base: URL, pathOrUrl: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(pathOrUrl)) {
    let url: URL;
    try {
      url = new URL(pathOrUrl);
    } catch {
      return null;
    }
    return url.origin === base.origin ? url.href : null;
  }
  return new URL(pathOrUrl.replace(/^\/+/, ""), base).href;
}

function withSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}
