import type { Dispatcher } from "undici";
import { errorCode } from "./fetch-status.js";

/**
 * The HTTP facts every client here shares (registry, OSV, GitHub, tarballs):
 * one definition of success, redirect and server error, one capped body
 * reader, and one deadline per attempt.
 */

const FIRST_SUCCESS = 200;
const LAST_SUCCESS = 299;
const FIRST_SERVER_ERROR = 500;
const LAST_SERVER_ERROR = 599;
export const TOO_MANY_REQUESTS = 429;

/** The redirects a client follows by hand (so it can decide where credentials may go). */
export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

export function isSuccess(status: number): boolean {
  return status >= FIRST_SUCCESS && status <= LAST_SUCCESS;
}

export function isServerError(status: number): boolean {
  return status >= FIRST_SERVER_ERROR && status <= LAST_SERVER_ERROR;
}

/** A body read to the end, or null (and the stream destroyed) once it passes `maxBytes`. */
export async function readCapped(
  body: AsyncIterable<Buffer> & { destroy(): unknown },
  maxBytes: number,
): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) {
      body.destroy();
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** undici's own deadlines, set to ours: when one fires first it is still our timeout. */
const UNDICI_TIMEOUT_CODES: ReadonlySet<string> = new Set([
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
]);

/**
 * Runs one attempt under a deadline: `signal` aborts it after `timeoutMs`. A
 * thrown error becomes `onError(code, timedOut)`, `timedOut` being true when
 * our deadline or undici's header or body timeout fired (callers treat a
 * timeout as final: a service that let the whole deadline pass once will
 * likely do so again, and retrying would multiply the wait).
 */
export async function withDeadline<T>(
  timeoutMs: number,
  attempt: (signal: AbortSignal) => Promise<T>,
  onError: (code: string, timedOut: boolean) => T,
): Promise<T> {
  const controller = new AbortController();
  let fired = false;
  const timer = setTimeout(() => {
    fired = true;
    controller.abort();
  }, timeoutMs);
  try {
    return await attempt(controller.signal);
  } catch (error) {
    const code = errorCode(error);
    return onError(code, fired || UNDICI_TIMEOUT_CODES.has(code));
  } finally {
    clearTimeout(timer);
  }
}

/** A redirect's target, resolved against the current URL: only http(s), else null. */
export function redirectTarget(current: URL, location: string | undefined): URL | null {
  if (!location) return null;
  try {
    const next = new URL(location, current);
    return next.protocol === "http:" || next.protocol === "https:" ? next : null;
  } catch {
    return null;
  }
}

/** One header's value; the first when the server repeated it. */
export function headerValue(
  headers: Dispatcher.ResponseData["headers"],
  name: string,
): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
