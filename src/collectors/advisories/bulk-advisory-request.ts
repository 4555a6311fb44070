/**
 * One attempt at the registry's bulk advisory endpoint: the POST, its
 * redirects, the response's status and body, under one deadline. Whether to
 * try again is the caller's decision (bulk-advisory-client.ts).
 */
import { pipeline, type Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import type { Dispatcher } from "undici";
import { httpStatus, networkStatus, timeoutStatus, unavailable } from "../http/fetch-status.js";
import {
  headerValue,
  isSuccess,
  REDIRECT_STATUSES,
  readCapped,
  redirectTarget,
  withDeadline,
} from "../http/http-basics.js";
import { undici } from "../http/http-dispatcher.js";
import { isRetryableErrorCode, isRetryableStatus } from "../http/retry-policy.js";

export interface BulkAttemptContext {
  dispatcher: Dispatcher;
  userAgent: string;
  timeoutMs: number;
  maxBodyBytes: number;
}

export type BulkAttempt =
  | { kind: "json"; json: unknown }
  /** The registry (or a proxy before it) does not offer the endpoint. */
  | { kind: "refused"; status: string }
  | { kind: "failed"; status: string }
  | { kind: "retry-http"; status: number; retryAfter: string | undefined }
  | { kind: "retry-network"; code: string };

/** Enough for a proxy in front of a registry; a loop gives up quickly. */
const MAX_REDIRECTS = 5;
/**
 * Only these keep the method and body (RFC 9110 §15.4): after a 301, 302 or
 * 303 a client may or must switch to GET, which this endpoint does not answer.
 */
const BODY_PRESERVING_REDIRECTS: ReadonlySet<number> = new Set([307, 308]);
/** What registries and proxies without the endpoint answer (npm's own mirrors: 404; Artifactory, Nexus: 404 or 405). */
const ENDPOINT_MISSING: ReadonlySet<number> = new Set([404, 405, 501]);

export async function attemptBulk(
  context: BulkAttemptContext,
  url: string,
  authorization: string | null,
  body: string,
): Promise<BulkAttempt> {
  return withDeadline(
    context.timeoutMs,
    (signal) => followRedirects(context, url, authorization, body, signal),
    (code, timedOut): BulkAttempt => {
      if (timedOut) return { kind: "failed", status: timeoutStatus(context.timeoutMs) };
      return isRetryableErrorCode(code)
        ? { kind: "retry-network", code }
        : { kind: "failed", status: networkStatus(code) };
    },
  );
}

async function followRedirects(
  context: BulkAttemptContext,
  url: string,
  authorization: string | null,
  body: string,
  signal: AbortSignal,
): Promise<BulkAttempt> {
  let current = new URL(url);
  const origin = current.origin;
  let auth = authorization;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    const response = await undici().request(current, {
      dispatcher: context.dispatcher,
      method: "POST",
      headers: requestHeaders(context.userAgent, auth),
      body,
      signal,
      headersTimeout: context.timeoutMs,
      bodyTimeout: context.timeoutMs,
    });
    if (!REDIRECT_STATUSES.has(response.statusCode)) return handleResponse(context, response);
    await discard(response.body);
    if (!BODY_PRESERVING_REDIRECTS.has(response.statusCode))
      return { kind: "failed", status: unavailable(`redirected (${response.statusCode})`) };
    const next = redirectTarget(current, headerValue(response.headers, "location"));
    if (next === null) return { kind: "failed", status: unavailable("bad redirect") };
    // As for packuments: the token belongs to the first URL's origin and never follows elsewhere.
    if (next.origin !== origin) auth = null;
    current = next;
  }
  return { kind: "failed", status: unavailable(`more than ${MAX_REDIRECTS} redirects`) };
}

function requestHeaders(userAgent: string, authorization: string | null) {
  return {
    accept: "application/json",
    "accept-encoding": "gzip",
    "content-type": "application/json",
    "user-agent": userAgent,
    ...(authorization ? { authorization } : {}),
  };
}

async function handleResponse(
  context: BulkAttemptContext,
  response: Dispatcher.ResponseData,
): Promise<BulkAttempt> {
  const { statusCode, headers, body } = response;
  if (ENDPOINT_MISSING.has(statusCode)) {
    await discard(body);
    return {
      kind: "refused",
      status: unavailable(`the registry does not offer bulk advisories (${statusCode})`),
    };
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
    return { kind: "failed", status: httpStatus(statusCode) };
  }
  const length = Number(headerValue(headers, "content-length"));
  if (Number.isSafeInteger(length) && length > context.maxBodyBytes) {
    body.destroy();
    return { kind: "failed", status: unavailable("bulk advisory answer too large") };
  }
  const encoding = (headerValue(headers, "content-encoding") ?? "identity").trim().toLowerCase();
  const decoded = decode(body, encoding);
  if (decoded === null) {
    await discard(body);
    return { kind: "failed", status: unavailable("unsupported content-encoding") };
  }
  // The cap counts decoded bytes: a small gzip bomb stops at the same size as a plain flood.
  const text = await readCapped(decoded, context.maxBodyBytes).catch(() => undefined);
  // A broken gzip stream or a connection dropped mid-body.
  if (text === undefined) return { kind: "failed", status: unavailable("unreadable body") };
  if (text === null)
    return { kind: "failed", status: unavailable("bulk advisory answer too large") };
  try {
    return { kind: "json", json: JSON.parse(text) };
  } catch {
    return {
      kind: "failed",
      status: unavailable("malformed bulk advisory answer from the registry"),
    };
  }
}

/** We only ask for gzip; anything else we did not ask for is refused, not guessed at. */
function decode(body: Readable, encoding: string): (Readable & AsyncIterable<Buffer>) | null {
  if (encoding === "identity") return body;
  if (encoding !== "gzip" && encoding !== "x-gzip") return null;
  return pipeline(body, createGunzip(), () => {});
}

async function discard(body: Dispatcher.ResponseData["body"]): Promise<void> {
  await body.dump().catch(() => {});
}
