/**
 * One GET to the GitHub REST API: redirects followed by hand so that the
 * token goes to the API's own origin only, retries on 5xx and on secondary
 * rate limits (honouring `retry-after`), a deadline per attempt and a cap on
 * the body. Returns the body or a status string, never throws. Statuses are
 * built from numbers and codes only: no URL, header or token can reach them.
 * https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api
 */
import type { Dispatcher } from "undici";
import {
  exhaustedHttpStatus,
  httpStatus,
  networkStatus,
  timeoutStatus,
  unavailable,
} from "../http/fetch-status.js";
import {
  headerValue,
  isServerError,
  isSuccess,
  REDIRECT_STATUSES,
  readCapped,
  redirectTarget,
  TOO_MANY_REQUESTS,
  withDeadline,
} from "../http/http-basics.js";
import { undici } from "../http/http-dispatcher.js";
import {
  type HostPatience,
  hostOfUrl,
  type RetryOutcome,
  rateLimitedStatus,
  withRetries,
} from "../http/retry.js";
import {
  type BackoffOptions,
  isRetryableErrorCode,
  parseRetryAfter,
} from "../http/retry-policy.js";

export type GitHubAnswer =
  | { ok: true; httpStatus: number; text: string; links: Record<string, string> }
  | {
      ok: false;
      status: string;
      httpStatus?: number;
      rateLimited?: boolean;
      /** A connection-level failure that outlived the retries: the host is unreachable. */
      network?: boolean;
    };

export interface RateHeaders {
  remaining: number | null;
  limit: number | null;
  /** Epoch milliseconds. */
  resetAt: number | null;
}

export interface GitHubRequestContext {
  dispatcher: Dispatcher;
  userAgent: string;
  /** `https://api.github.com` (no trailing slash): the one origin the token is sent to. */
  apiOrigin: string;
  token: string | null;
  timeoutMs: number;
  retries: number;
  backoff: BackoffOptions;
  maxRetryAfterMs: number;
  /** The wait after a secondary limit that gave no `retry-after`: GitHub asks for at least a minute. */
  secondaryWaitMs: number;
  maxBodyBytes: number;
  maxRedirects: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
  /** Per host, for the whole client: a long wait is waited once, then the host is rate-limited. */
  hosts: HostPatience;
  /** Told the rate-limit headers of every API answer. */
  onRateHeaders: (headers: RateHeaders) => void;
  /** The status for an exhausted primary limit (it knows whether a token was used). */
  rateLimitStatus: (resetAt: number | null) => string;
}

type Attempt =
  | { kind: "done"; answer: GitHubAnswer }
  | { kind: "retry"; waitMs: number | null; httpStatus?: number; code?: string };

const FORBIDDEN = 403;
const MS_PER_SECOND = 1000;
/**
 * GitHub's API sits behind a global edge network: a refused or unroutable
 * connection is this machine's network (offline, firewall, proxy), not an
 * overloaded server, and a retry seconds later meets the same wall.
 */
const UNREACHABLE_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ENETUNREACH",
  "EHOSTUNREACH",
]);
/** Error bodies are short JSON; reading more of one is wasted. */
const ERROR_BODY_BYTES = 16 * 1024;

export async function githubGet(
  context: GitHubRequestContext,
  url: string,
  accept: string,
): Promise<GitHubAnswer> {
  return withRetries<GitHubAnswer>(
    hostOfUrl(url),
    async (): Promise<RetryOutcome<GitHubAnswer>> => {
      const outcome = await attempt(context, url, accept);
      if (outcome.kind === "done") return { kind: "done", value: outcome.answer };
      return outcome.httpStatus === undefined
        ? { kind: "retry-network", code: outcome.code ?? "network error" }
        : { kind: "retry-http", status: outcome.httpStatus, waitMs: outcome.waitMs };
    },
    context,
    (end): GitHubAnswer => {
      if (end.why === "rate-limited")
        return {
          ok: false,
          status: rateLimitedStatus(end.host, end.untilMs, context.now()),
          rateLimited: true,
        };
      if (end.last.kind === "retry-network")
        return { ok: false, status: networkStatus(end.last.code), network: true };
      return {
        ok: false,
        status: exhaustedHttpStatus(end.last.status, end.retries),
        httpStatus: end.last.status,
      };
    },
  );
}

async function attempt(
  context: GitHubRequestContext,
  url: string,
  accept: string,
): Promise<Attempt> {
  return withDeadline(
    context.timeoutMs,
    (signal) => follow(context, url, accept, signal),
    (code, timedOut): Attempt => {
      if (timedOut) return done({ ok: false, status: timeoutStatus(context.timeoutMs) });
      if (isRetryableErrorCode(code) && !UNREACHABLE_CODES.has(code))
        return { kind: "retry", waitMs: null, code };
      return done({ ok: false, status: networkStatus(code), network: true });
    },
  );
}

async function follow(
  context: GitHubRequestContext,
  startUrl: string,
  accept: string,
  signal: AbortSignal,
): Promise<Attempt> {
  let url = new URL(startUrl);
  for (let hop = 0; ; hop += 1) {
    const own = url.origin === context.apiOrigin;
    const response = await undici().request(url, {
      method: "GET",
      dispatcher: context.dispatcher,
      signal,
      headersTimeout: context.timeoutMs,
      bodyTimeout: context.timeoutMs,
      headers: {
        accept,
        "user-agent": context.userAgent,
        "x-github-api-version": "2022-11-28",
        // The token belongs to the API: a redirect to any other origin goes without it.
        ...(own && context.token ? { authorization: `Bearer ${context.token}` } : {}),
      },
    });
    const { statusCode, headers } = response;
    if (REDIRECT_STATUSES.has(statusCode)) {
      await response.body.dump();
      const next = safeRedirect(url, headerValue(headers, "location"));
      if (!next)
        return done({ ok: false, status: unavailable("bad redirect"), httpStatus: statusCode });
      if (hop >= context.maxRedirects)
        return done({ ok: false, status: unavailable("too many redirects") });
      url = next;
      continue;
    }
    const rate = own ? rateHeaders(headers) : null;
    if (rate) context.onRateHeaders(rate);
    if (isSuccess(statusCode)) {
      const text = await readCapped(response.body, context.maxBodyBytes);
      if (text === null)
        return done({ ok: false, status: unavailable("GitHub response too large") });
      return done({
        ok: true,
        httpStatus: statusCode,
        text,
        links: parseLinks(headerValue(headers, "link")),
      });
    }
    const errorText = (await readCapped(response.body, ERROR_BODY_BYTES)) ?? "";
    return failed(context, statusCode, headers, rate, errorText);
  }
}

function failed(
  context: GitHubRequestContext,
  statusCode: number,
  headers: Dispatcher.ResponseData["headers"],
  rate: RateHeaders | null,
  errorText: string,
): Attempt {
  if (statusCode === FORBIDDEN || statusCode === TOO_MANY_REQUESTS) {
    // Primary limit: no request succeeds before the reset, so waiting inside the run is pointless.
    if (rate?.remaining === 0)
      return done({
        ok: false,
        status: context.rateLimitStatus(rate.resetAt),
        httpStatus: statusCode,
        rateLimited: true,
      });
    const asked = parseRetryAfter(headerValue(headers, "retry-after"), context.now());
    const secondary =
      asked !== null || statusCode === TOO_MANY_REQUESTS || /secondary rate limit/i.test(errorText);
    if (secondary) {
      const waitMs = asked ?? context.secondaryWaitMs;
      if (waitMs > context.maxRetryAfterMs)
        return done({
          ok: false,
          status: unavailable(
            `secondary rate limit (retry in ${Math.ceil(waitMs / MS_PER_SECOND)}s)`,
          ),
          httpStatus: statusCode,
          rateLimited: true,
        });
      return { kind: "retry", waitMs, httpStatus: statusCode };
    }
  }
  if (isServerError(statusCode)) return { kind: "retry", waitMs: null, httpStatus: statusCode };
  return done({ ok: false, status: httpStatus(statusCode), httpStatus: statusCode });
}

/** Only http(s) targets; never from https down to http (the token's origin is https in real use). */
function safeRedirect(from: URL, location: string | undefined): URL | null {
  const next = redirectTarget(from, location);
  if (!next || (from.protocol === "https:" && next.protocol !== "https:")) return null;
  return next;
}

function rateHeaders(headers: Dispatcher.ResponseData["headers"]): RateHeaders | null {
  const remaining = integer(headerValue(headers, "x-ratelimit-remaining"));
  const limit = integer(headerValue(headers, "x-ratelimit-limit"));
  const reset = integer(headerValue(headers, "x-ratelimit-reset"));
  if (remaining === null && reset === null) return null;
  return { remaining, limit, resetAt: reset === null ? null : reset * MS_PER_SECOND };
}

function integer(value: string | undefined): number | null {
  return value !== undefined && /^\d{1,15}$/.test(value.trim()) ? Number(value.trim()) : null;
}

/** RFC 8288 `Link: <url>; rel="next", <url>; rel="last"` → `{ next, last }`. */
export function parseLinks(value: string | undefined): Record<string, string> {
  const links: Record<string, string> = {};
  if (!value) return links;
  for (const part of value.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    const rels = match ? /\brel\s*=\s*"?([^";]+)"?/.exec(match[2] ?? "") : null;
    if (!match || !rels) continue;
    for (const rel of (rels[1] ?? "").trim().split(/\s+/)) links[rel] = match[1] ?? "";
  }
  return links;
}

function done(answer: GitHubAnswer): Attempt {
  return { kind: "done", answer };
}
