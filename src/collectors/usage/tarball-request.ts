/**
 * One GET for the tarball client (a packument's version list, then the
 * tarball): redirects followed by hand so credentials never leave the origin
 * they were chosen for, one deadline over the whole attempt, and a byte cap on
 * the (decoded) body, so a hostile server cannot make jenga hold more than
 * `maxBytes` or wait longer than `timeoutMs`. Whether to try again is the
 * caller's decision; this only says what happened.
 */
import { pipeline } from "node:stream";
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

export interface GetContext {
  dispatcher: Dispatcher;
  userAgent: string;
  /** Deadline for the whole attempt: redirects, headers and body. */
  timeoutMs: number;
}

export interface CappedGet {
  url: URL;
  /** Sent to `url`'s origin only, never after a redirect elsewhere. */
  authorization: string | null;
  accept: string;
  /** Ask for a gzip transfer encoding (JSON compresses tenfold); a tarball is gzip already. */
  gzip: boolean;
  /** The most decoded bytes accepted; past it the download is aborted. */
  maxBytes: number;
}

export type GetOutcome =
  | { kind: "done"; body: Buffer }
  | { kind: "failed"; status: string }
  | { kind: "retry-http"; status: number; retryAfter: string | undefined }
  | { kind: "retry-network"; code: string };

/** As for packuments: enough for registry → CDN → mirror; a loop gives up quickly. */
const MAX_REDIRECTS = 5;

export async function cappedGet(context: GetContext, get: CappedGet): Promise<GetOutcome> {
  return withDeadline(
    context.timeoutMs,
    (signal) => followRedirects(context, get, signal),
    (code, timedOut): GetOutcome => {
      if (timedOut) return { kind: "failed", status: timeoutStatus(context.timeoutMs) };
      return isRetryableErrorCode(code)
        ? { kind: "retry-network", code }
        : { kind: "failed", status: networkStatus(code) };
    },
  );
}

async function followRedirects(
  context: GetContext,
  get: CappedGet,
  signal: AbortSignal,
): Promise<GetOutcome> {
  let current = get.url;
  let authorization = get.authorization;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    const response = await undici().request(current, {
      dispatcher: context.dispatcher,
      method: "GET",
      headers: {
        accept: get.accept,
        "accept-encoding": get.gzip ? "gzip" : "identity",
        "user-agent": context.userAgent,
        ...(authorization ? { authorization } : {}),
      },
      signal,
      headersTimeout: context.timeoutMs,
      bodyTimeout: context.timeoutMs,
    });
    if (!REDIRECT_STATUSES.has(response.statusCode)) return readResponse(response, get.maxBytes);
    await discard(response);
    const next = redirectTarget(current, headerValue(response.headers, "location"));
    if (next === null) return { kind: "failed", status: unavailable("bad redirect") };
    // The credentials belong to the first URL's origin: any other scheme,
    // host or port never sees them, even on a later hop back.
    if (next.origin !== get.url.origin) authorization = null;
    current = next;
  }
  return { kind: "failed", status: unavailable(`more than ${MAX_REDIRECTS} redirects`) };
}

async function readResponse(
  response: Dispatcher.ResponseData,
  maxBytes: number,
): Promise<GetOutcome> {
  const { statusCode, body } = response;
  // Destroying the body early (too large) makes undici emit an abort error; it is expected here.
  body.on("error", () => {});
  if (isRetryableStatus(statusCode)) {
    await discard(response);
    return {
      kind: "retry-http",
      status: statusCode,
      retryAfter: headerValue(response.headers, "retry-after"),
    };
  }
  if (!isSuccess(statusCode)) {
    await discard(response);
    return { kind: "failed", status: httpStatus(statusCode) };
  }
  const tooLarge: GetOutcome = { kind: "failed", status: unavailable(`over ${maxBytes} bytes`) };
  const length = Number(headerValue(response.headers, "content-length"));
  if (Number.isSafeInteger(length) && length > maxBytes) {
    body.destroy();
    return tooLarge;
  }
  const encoding = (headerValue(response.headers, "content-encoding") ?? "identity")
    .trim()
    .toLowerCase();
  if (encoding !== "identity" && encoding !== "gzip" && encoding !== "x-gzip") {
    await discard(response);
    return { kind: "failed", status: unavailable("unsupported content-encoding") };
  }
  // The decoded size is what is capped, so a small gzip bomb is cut off too.
  const decoded = encoding === "identity" ? body : pipeline(body, createGunzip(), () => {});
  const bytes = await readCapped(decoded, maxBytes);
  return bytes === null ? tooLarge : { kind: "done", body: bytes };
}

/** The body, or null once it passes `maxBytes` (returning from the loop destroys the stream). */
async function readCapped(body: AsyncIterable<Buffer>, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

async function discard(response: Dispatcher.ResponseData): Promise<void> {
  await response.body.dump().catch(() => {});
}
