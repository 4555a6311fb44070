/**
 * The status strings a failed packument fetch ends with (`sources.registry`
 * in the JSON result). Built only from status codes, error codes and numbers,
 * never from an error message or a URL, so no token can reach them.
 */
import { STATUS_CODES } from "node:http";

const UNAVAILABLE = "unavailable:";

export function unavailable(reason: string): string {
  return `${UNAVAILABLE} ${reason}`;
}

/** `unavailable: 404 not found`, `unavailable: 401 unauthorized`. */
export function httpStatus(status: number): string {
  const text = STATUS_CODES[status]?.toLowerCase();
  return unavailable(text ? `${status} ${text}` : `HTTP ${status}`);
}

/** `unavailable: HTTP 503 after 3 retries`. */
export function exhaustedHttpStatus(status: number, retries: number): string {
  return unavailable(`HTTP ${status} after ${retries} ${retries === 1 ? "retry" : "retries"}`);
}

const MS_PER_SECOND = 1000;

/** `unavailable: timeout after 30s` (or `after 250ms` for sub-second test timeouts). */
export function timeoutStatus(timeoutMs: number): string {
  if (timeoutMs < MS_PER_SECOND) return unavailable(`timeout after ${timeoutMs}ms`);
  const seconds = timeoutMs / MS_PER_SECOND;
  return unavailable(`timeout after ${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)}s`);
}

/** undici's error codes in words; system codes (ECONNREFUSED...) are already well known. */
const ERROR_WORDS: Readonly<Record<string, string>> = {
  UND_ERR_SOCKET: "connection closed",
  UND_ERR_CONNECT_TIMEOUT: "connect timeout",
  UND_ERR_ABORTED: "request aborted",
  UND_ERR_CLOSED: "client closed",
  UND_ERR_DESTROYED: "client closed",
};

const ERROR_CODE = /^[A-Z][A-Z0-9_]*$/;

/**
 * The code of a network error: `err.code`, or that of the first error of an
 * AggregateError (Node's happy-eyeballs connect), or of its cause.
 */
export function errorCode(error: unknown): string {
  const candidates = [error, firstAggregated(error), causeOf(error)];
  for (const candidate of candidates) {
    const code = (candidate as { code?: unknown } | null | undefined)?.code;
    if (typeof code === "string" && ERROR_CODE.test(code)) return code;
  }
  return "network error";
}

export function networkStatus(code: string): string {
  return unavailable(ERROR_WORDS[code] ?? code);
}

function firstAggregated(error: unknown): unknown {
  return error instanceof AggregateError ? error.errors[0] : undefined;
}

function causeOf(error: unknown): unknown {
  return error instanceof Error ? error.cause : undefined;
}
