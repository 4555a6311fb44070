/**
 * One JSON request to the OSV API, retried on 429, 5xx and transient network
 * errors, under a deadline per attempt and a cap on the body. Returns data or
 * a status string, never throws.
 */
import type { Dispatcher } from "undici";
import {
  exhaustedHttpStatus,
  httpStatus,
  networkStatus,
  timeoutStatus,
  unavailable,
} from "../http/fetch-status.js";
import { isSuccess, readCapped, withDeadline } from "../http/http-basics.js";
import { undici } from "../http/http-dispatcher.js";
import {
  type GiveUp,
  type HostPatience,
  hostOfUrl,
  type RetryOutcome,
  rateLimitedStatus,
  withRetries,
} from "../http/retry.js";
import {
  type BackoffOptions,
  isRetryableErrorCode,
  isRetryableStatus,
} from "../http/retry-policy.js";

export type JsonResult =
  | { ok: true; json: unknown }
  | { ok: false; status: string; httpStatus?: number };

export interface OsvRequestContext {
  dispatcher: Dispatcher;
  userAgent: string;
  timeoutMs: number;
  retries: number;
  backoff: BackoffOptions;
  maxRetryAfterMs: number;
  maxBodyBytes: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
  /** Per host, for the whole client: a long Retry-After is waited once, then the host is rate-limited. */
  hosts: HostPatience;
}

type Attempt =
  | { kind: "done"; result: JsonResult }
  | { kind: "retry-http"; status: number; retryAfter: string | undefined }
  | { kind: "retry-network"; code: string };

export async function requestJson(
  context: OsvRequestContext,
  url: string,
  body: unknown | undefined,
): Promise<JsonResult> {
  return withRetries<JsonResult>(
    hostOfUrl(url),
    async (): Promise<RetryOutcome<JsonResult>> => {
      const outcome = await attempt(context, url, body);
      return outcome.kind === "done" ? { kind: "done", value: outcome.result } : outcome;
    },
    context,
    (end) => gaveUp(end, context.now()),
  );
}

function gaveUp(end: GiveUp, now: number): JsonResult {
  if (end.why === "rate-limited")
    return { ok: false, status: rateLimitedStatus(end.host, end.untilMs, now) };
  if (end.last.kind === "retry-http")
    return {
      ok: false,
      status: exhaustedHttpStatus(end.last.status, end.retries),
      httpStatus: end.last.status,
    };
  return { ok: false, status: networkStatus(end.last.code) };
}

async function attempt(context: OsvRequestContext, url: string, body: unknown): Promise<Attempt> {
  return withDeadline(
    context.timeoutMs,
    async (signal): Promise<Attempt> => {
      const response = await undici().request(url, {
        method: body === undefined ? "GET" : "POST",
        dispatcher: context.dispatcher,
        signal,
        headersTimeout: context.timeoutMs,
        bodyTimeout: context.timeoutMs,
        headers: {
          accept: "application/json",
          "user-agent": context.userAgent,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!isSuccess(response.statusCode)) {
        await response.body.dump();
        if (isRetryableStatus(response.statusCode)) {
          const retryAfter = response.headers["retry-after"];
          return {
            kind: "retry-http",
            status: response.statusCode,
            retryAfter: typeof retryAfter === "string" ? retryAfter : undefined,
          };
        }
        return done({
          ok: false,
          status: httpStatus(response.statusCode),
          httpStatus: response.statusCode,
        });
      }
      const text = await readCapped(response.body, context.maxBodyBytes);
      if (text === null) return done({ ok: false, status: unavailable("OSV response too large") });
      try {
        return done({ ok: true, json: JSON.parse(text) });
      } catch {
        return done({ ok: false, status: unavailable("malformed OSV response") });
      }
    },
    (code, timedOut): Attempt => {
      if (timedOut) return done({ ok: false, status: timeoutStatus(context.timeoutMs) });
      if (isRetryableErrorCode(code)) return { kind: "retry-network", code };
      return done({ ok: false, status: networkStatus(code) });
    },
  );
}

function done(result: JsonResult): Attempt {
  return { kind: "done", result };
}
