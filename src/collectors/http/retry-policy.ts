/**
 * When to retry a registry request and how long to wait. Pure: the clock and
 * the random source are parameters.
 */

import { isServerError, TOO_MANY_REQUESTS } from "./http-basics.js";

export interface BackoffOptions {
  /** The delay before the first retry, before jitter. */
  baseMs: number;
  /** No single wait is longer than this, whatever the attempt number or Retry-After says. */
  maxMs: number;
}

/**
 * Exponential backoff with "equal jitter": half the exponential delay, plus a
 * random part of the other half, so that many clients hitting the same
 * overloaded registry do not retry in lockstep while each still waits at least
 * half the nominal delay. See https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function backoffDelay(retry: number, options: BackoffOptions, random: () => number): number {
  const exponential = Math.min(options.maxMs, options.baseMs * 2 ** retry);
  const half = exponential / 2;
  return Math.round(half + random() * half);
}

const SECONDS = /^\s*(\d+)\s*$/;
const MS_PER_SECOND = 1000;

/**
 * `Retry-After` as delay-seconds or an HTTP-date (RFC 9110 §10.2.3), in
 * milliseconds from `nowMs`, never negative; null when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | null {
  if (value === undefined) return null;
  const seconds = SECONDS.exec(value);
  if (seconds) return Number(seconds[1]) * MS_PER_SECOND;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

/** 429 and 5xx are worth another try: the registry or a proxy in front of it is overloaded or restarting. */
export function isRetryableStatus(status: number): boolean {
  return status === TOO_MANY_REQUESTS || isServerError(status);
}

/**
 * Network errors that a second attempt may not hit: resets, refused or
 * dropped connections, transient DNS. A name that does not resolve
 * (ENOTFOUND) will not resolve a second later, so it is not retried.
 */
const RETRYABLE_ERROR_CODES: ReadonlySet<string> = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
]);

export function isRetryableErrorCode(code: string): boolean {
  return RETRYABLE_ERROR_CODES.has(code);
}
