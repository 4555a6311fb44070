/**
 * One JSON request to the OSV API, retried on 429, 5xx and transient network
 * errors, under a deadline per attempt and a cap on the body. Returns data or
 * a status string, never throws.
 */
import { type Dispatcher, request } from "undici";
import {
  exhaustedHttpStatus,
  httpStatus,
  networkStatus,
  timeoutStatus,
  unavailable,
} from "../http/fetch-status.js";
import { isSuccess, readCapped, withDeadline } from "../http/http-basics.js";
import {
  type BackoffOptions,
  backoffDelay,
  isRetryableErrorCode,
  isRetryableStatus,
  parseRetryAfter,
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
  for (let retry = 0; ; retry += 1) {
    const outcome = await attempt(context, url, body);
    if (outcome.kind === "done") return outcome.result;
    if (retry >= context.retries) {
      return outcome.kind === "retry-http"
        ? {
            ok: false,
            status: exhaustedHttpStatus(outcome.status, context.retries),
            httpStatus: outcome.status,
          }
        : { ok: false, status: networkStatus(outcome.code) };
    }
    const asked =
      outcome.kind === "retry-http" ? parseRetryAfter(outcome.retryAfter, context.now()) : null;
    await context.sleep(
      asked === null
        ? backoffDelay(retry, context.backoff, context.random)
        : Math.min(asked, context.maxRetryAfterMs),
    );
  }
}

async function attempt(context: OsvRequestContext, url: string, body: unknown): Promise<Attempt> {
  return withDeadline(
    context.timeoutMs,
    async (signal): Promise<Attempt> => {
      const response = await request(url, {
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
