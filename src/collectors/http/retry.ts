/**
 * The one retry loop every HTTP client here uses (registry, tarballs, bulk
 * advisories, OSV, GitHub): backoff with jitter between attempts, Retry-After
 * honoured up to a short cap, and a host that keeps asking for long waits
 * treated as rate-limited for the rest of the run, so an hour's Retry-After
 * costs one short wait, not minutes per package.
 */
import { type BackoffOptions, backoffDelay, parseRetryAfter } from "./retry-policy.js";

/** One attempt's outcome: a final value, or why another attempt may help. */
export type RetryOutcome<T> =
  | { kind: "done"; value: T }
  /** `waitMs`: the wait the service asked for when the client read it itself (GitHub's reset headers). */
  | { kind: "retry-http"; status: number; retryAfter?: string; waitMs?: number | null }
  | { kind: "retry-network"; code: string };

export type RetryFailure = Exclude<RetryOutcome<never>, { kind: "done" }>;

export interface RetryOptions {
  /** Further attempts after the first. */
  retries: number;
  backoff: BackoffOptions;
  /** The longest wait honoured; a host asking for longer twice is rate-limited for the run. */
  maxRetryAfterMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
  /** Shared by every request of one client: which hosts are rate-limited, and until when. */
  hosts: HostPatience;
}

/** Per host: whether it already had its one long wait, and until when it is rate-limited. */
export interface HostPatience {
  limitedUntil(host: string, now: number): number | null;
  /** A long wait asked for: true the first time (wait the cap once), false after (give up). */
  takeLongWait(host: string): boolean;
  markLimited(host: string, until: number): void;
}

export function createHostPatience(): HostPatience {
  const limited = new Map<string, number>();
  const waited = new Set<string>();
  return {
    limitedUntil(host, now) {
      const until = limited.get(host);
      return until !== undefined && until > now ? until : null;
    },
    takeLongWait(host) {
      if (waited.has(host)) return false;
      waited.add(host);
      return true;
    },
    markLimited(host, until) {
      limited.set(host, Math.max(until, limited.get(host) ?? 0));
    },
  };
}

/** How a loop ended without a value: its retries used up, or the host rate-limited for the run. */
export type GiveUp =
  | { why: "exhausted"; last: RetryFailure; retries: number }
  | { why: "rate-limited"; host: string; untilMs: number };

/**
 * Runs `attempt` until it is done, its retries are used up, or its host is
 * rate-limited; `giveUp` turns the last two into the client's own failure.
 */
export async function withRetries<T>(
  host: string,
  attempt: () => Promise<RetryOutcome<T>>,
  options: RetryOptions,
  giveUp: (end: GiveUp) => T,
): Promise<T> {
  for (let retry = 0; ; retry += 1) {
    const limitedUntil = options.hosts.limitedUntil(host, options.now());
    if (limitedUntil !== null) return giveUp({ why: "rate-limited", host, untilMs: limitedUntil });
    const outcome = await attempt();
    if (outcome.kind === "done") return outcome.value;
    if (retry >= options.retries)
      return giveUp({ why: "exhausted", last: outcome, retries: retry });
    const asked =
      outcome.kind === "retry-http"
        ? (outcome.waitMs ?? parseRetryAfter(outcome.retryAfter, options.now()))
        : null;
    if (asked !== null && asked > options.maxRetryAfterMs) {
      // The first long wait from a host is cut to the cap; the next one means the host is
      // out of budget for longer than this run should wait: every later request fails fast.
      if (!options.hosts.takeLongWait(host)) {
        const until = options.now() + asked;
        options.hosts.markLimited(host, until);
        return giveUp({ why: "rate-limited", host, untilMs: until });
      }
    }
    await options.sleep(
      asked === null
        ? backoffDelay(retry, options.backoff, options.random)
        : Math.min(asked, options.maxRetryAfterMs),
    );
  }
}

/** `unavailable: rate limited by registry.example (retry after 59m)`: said once per package, never waited out. */
export function rateLimitedStatus(host: string, untilMs: number, now: number): string {
  const minutes = Math.ceil(Math.max(0, untilMs - now) / 60_000);
  const after = minutes >= 60 ? `${Math.round(minutes / 60)}h` : `${minutes}m`;
  return `unavailable: rate limited by ${host} (retry after ${after})`;
}

/**
 * The cap on one Retry-After wait, from JENGA_RETRY_WAIT_SECONDS (default 20 s): long enough
 * for a registry's or an API's short throttle, short enough that a long limit is said, not waited.
 */
export function maxRetryWaitMs(env: Record<string, string | undefined>): number {
  const seconds = Number(env.JENGA_RETRY_WAIT_SECONDS || Number.NaN);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : defaultMaxRetryWaitMs;
}

const defaultMaxRetryWaitMs = 20_000;

/** The host of a request URL, as the per-host rate-limit state keys it. */
export function hostOfUrl(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
