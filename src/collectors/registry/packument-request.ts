/**
 * One attempt at fetching a packument: the request, its redirects, the
 * response's status and body, all under one deadline. Whether to try again is
 * the caller's decision (registry-client.ts); this only says what happened.
 */
import { pipeline, type Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import type { Dispatcher } from "undici";
import { httpStatus, networkStatus, timeoutStatus, unavailable } from "../http/fetch-status.js";
import {
  headerValue,
  isSuccess,
  REDIRECT_STATUSES,
  redirectTarget,
  withDeadline,
} from "../http/http-basics.js";
import { undici } from "../http/http-dispatcher.js";
import { isRetryableErrorCode, isRetryableStatus } from "../http/retry-policy.js";
import { failure, type PackumentResult } from "./packument-result.js";
import { type BodyLimits, readPackumentBody } from "./read-packument-body.js";

export interface AttemptContext {
  dispatcher: Dispatcher;
  userAgent: string;
  /** Deadline for the whole attempt: redirects, headers and body. */
  timeoutMs: number;
  limits: BodyLimits;
  /** The registry the package belongs to, recorded in the evidence. */
  registry: string;
}

export type AttemptOutcome =
  | { kind: "done"; result: PackumentResult }
  | { kind: "retry-http"; status: number; retryAfter: string | undefined }
  | { kind: "retry-network"; code: string };

/**
 * Enough for registry → CDN → regional mirror; a loop gives up quickly.
 * (Browsers allow 20, but a registry that needs more than a couple is broken.)
 */
const MAX_REDIRECTS = 5;
const NOT_MODIFIED = 304;

export async function attemptPackument(
  context: AttemptContext,
  url: string,
  authorization: string | null,
  etag: string | null,
): Promise<AttemptOutcome> {
  return withDeadline(
    context.timeoutMs,
    (signal) => followRedirects(context, url, authorization, etag, signal),
    (code, timedOut): AttemptOutcome => {
      if (timedOut) return done(failure(timeoutStatus(context.timeoutMs)));
      return isRetryableErrorCode(code)
        ? { kind: "retry-network", code }
        : done(failure(networkStatus(code)));
    },
  );
}

async function followRedirects(
  context: AttemptContext,
  url: string,
  authorization: string | null,
  etag: string | null,
  signal: AbortSignal,
): Promise<AttemptOutcome> {
  let current = new URL(url);
  const origin = current.origin;
  let auth = authorization;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    const response = await undici().request(current, {
      dispatcher: context.dispatcher,
      method: "GET",
      headers: requestHeaders(context.userAgent, auth, etag),
      signal,
      headersTimeout: context.timeoutMs,
      bodyTimeout: context.timeoutMs,
    });
    if (!REDIRECT_STATUSES.has(response.statusCode)) return handleResponse(context, response, etag);
    await discard(response.body);
    const next = redirectTarget(current, headerValue(response.headers, "location"));
    if (next === null) return done(failure(unavailable("bad redirect")));
    // The credentials were chosen for the origin of the first URL (npm keys
    // them by host and path); a redirect to any other scheme, host or port
    // never sees them, even back to a URL they would match.
    if (next.origin !== origin) auth = null;
    current = next;
  }
  return done(failure(unavailable(`more than ${MAX_REDIRECTS} redirects`)));
}

function requestHeaders(userAgent: string, authorization: string | null, etag: string | null) {
  return {
    // The full packument: the abbreviated one lacks time, maintainers and repository.
    accept: "application/json",
    // A packument compresses about tenfold; the decoded size is what the limits count.
    "accept-encoding": "gzip",
    "user-agent": userAgent,
    ...(authorization ? { authorization } : {}),
    ...(etag ? { "if-none-match": etag } : {}),
  };
}

async function handleResponse(
  context: AttemptContext,
  response: Dispatcher.ResponseData,
  etag: string | null,
): Promise<AttemptOutcome> {
  const { statusCode, headers, body } = response;
  const newEtag = headerValue(headers, "etag") ?? null;
  if (statusCode === NOT_MODIFIED) {
    await discard(body);
    return done({ ok: true, notModified: true, evidence: null, etag: newEtag ?? etag });
  }
  if (isRetryableStatus(statusCode)) {
    await discard(body);
    return {
      kind: "retry-http",
      status: statusCode,
      retryAfter: headerValue(headers, "retry-after"),
    };
  }
  if (!isSuccess(statusCode)) {
    await discard(body);
    return done(failure(httpStatus(statusCode)));
  }
  const length = contentLength(headers);
  const encoding = (headerValue(headers, "content-encoding") ?? "identity").trim().toLowerCase();
  if (length !== null && length > context.limits.maxBodyBytes) {
    body.destroy();
    return done(failure(unavailable("body too large")));
  }
  const decoded = decode(body, encoding);
  if (decoded === null) {
    await discard(body);
    return done(failure(unavailable(`unsupported content-encoding`)));
  }
  const declared = encoding === "identity" ? length : null;
  const parse = await readPackumentBody(decoded, context.registry, declared, context.limits);
  if (!parse.ok) return done(failure(unavailable(parse.problem)));
  return done({ ok: true, evidence: parse.evidence, etag: newEtag });
}

/** We only ask for gzip; anything else we did not ask for is refused, not guessed at. */
function decode(body: Readable, encoding: string): AsyncIterable<Uint8Array> | null {
  if (encoding === "identity") return body;
  if (encoding !== "gzip" && encoding !== "x-gzip") return null;
  // pipeline destroys both streams if either fails; the error then surfaces
  // from the iteration, so the callback has nothing left to do.
  return pipeline(body, createGunzip(), () => {});
}

function contentLength(headers: Dispatcher.ResponseData["headers"]): number | null {
  const value = Number(headerValue(headers, "content-length"));
  return Number.isSafeInteger(value) && value >= 0 ? value : null;
}

async function discard(body: Dispatcher.ResponseData["body"]): Promise<void> {
  await body.dump().catch(() => {});
}

function done(result: PackumentResult): AttemptOutcome {
  return { kind: "done", result };
}
