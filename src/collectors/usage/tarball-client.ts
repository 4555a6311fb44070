/**
 * The tarball client: the published tarball of one `name@version`, from the
 * registry npm is configured to use for that name, checked against the
 * digests its packument publishes. Used to measure a dependency that is not
 * installed; the caller caches what it measures, so a version is downloaded
 * once. Every failure is a status string, never an exception.
 */
import type { Dispatcher } from "undici";
import {
  errorCode,
  exhaustedHttpStatus,
  networkStatus,
  unavailable,
} from "../http/fetch-status.js";
import { createDispatcher } from "../http/http-dispatcher.js";
import { type NpmSettings, registryFor } from "../http/npm-settings.js";
import { authorizationFor } from "../http/registry-auth.js";
import {
  createHostPatience,
  type GiveUp,
  hostOfUrl,
  rateLimitedStatus,
  withRetries,
} from "../http/retry.js";
import type { BackoffOptions } from "../http/retry-policy.js";
import { isValidPackageName, packumentUrl } from "../shared/package-name.js";
import { checkIntegrity } from "./tarball-integrity.js";
import { type CappedGet, cappedGet, type GetContext, type GetOutcome } from "./tarball-request.js";
import { createDistParser, type VersionDist } from "./version-dist.js";

export type TarballResult = { ok: true; bytes: Buffer } | { ok: false; status: string };

export interface TarballClientOptions {
  /** Deadline of one attempt (redirects, headers and body), per request. */
  timeoutMs?: number;
  /** Further attempts after a 429, a 5xx or a transient network error. */
  retries?: number;
  backoff?: Partial<BackoffOptions>;
  /** Compressed tarballs larger than this are refused. */
  maxTarballBytes?: number;
  /** Decoded packuments larger than this are refused. */
  maxPackumentBytes?: number;
  /** Replaces the pool built from the settings (tests); not closed by close(). */
  dispatcher?: Dispatcher;
  /** The longest Retry-After honoured, once per host; a host asking for longer again is rate-limited for the run. */
  maxRetryAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface TarballClient {
  fetchTarball(name: string, version: string): Promise<TarballResult>;
  close(): Promise<void>;
}

/** npm-registry-fetch's default timeout, as for packuments. */
const DEFAULT_TIMEOUT_MS = 30_000;
/** npm's fetch-retries default. */
const DEFAULT_RETRIES = 2;
const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 8_000 };
/** The longest Retry-After honoured, once per host. */
const MAX_RETRY_AFTER_MS = 20_000;
/**
 * The whole tarball must be held to check its digest. The packages a project
 * imports are far smaller (typescript's is under 10 MB); past this the read
 * cap on unpacked bytes would stop long before the end anyway.
 */
const DEFAULT_MAX_TARBALL_BYTES = 64 * 1024 * 1024;
/** The registry client's ceiling: the largest packuments are a few tens of megabytes. */
const DEFAULT_MAX_PACKUMENT_BYTES = 200 * 1024 * 1024;
/** The abbreviated packument npm install asks for: versions and their dist, nothing else. */
const ABBREVIATED = "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8";
/** Few connections: tarballs are fetched one package at a time. */
const CONNECTIONS = 4;

export function createTarballClient(
  settings: NpmSettings,
  options: TarballClientOptions = {},
): TarballClient {
  const ownDispatcher = options.dispatcher ? null : createDispatcher(settings, CONNECTIONS);
  const context: GetContext = {
    dispatcher: options.dispatcher ?? (ownDispatcher as Dispatcher),
    userAgent: settings.userAgent,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
  const retries = options.retries ?? DEFAULT_RETRIES;
  const backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;

  const retrying = {
    retries,
    backoff,
    maxRetryAfterMs: options.maxRetryAfterMs ?? MAX_RETRY_AFTER_MS,
    sleep,
    random,
    now: Date.now,
    hosts: createHostPatience(),
  };

  /** A final outcome (`done` or `failed`), or the failure the retries ended with. */
  function getWithRetries(get: CappedGet): Promise<Final> {
    return withRetries<Final>(
      hostOfUrl(get.url.href),
      async () => {
        const outcome = await cappedGet(context, get);
        return outcome.kind === "done" || outcome.kind === "failed"
          ? { kind: "done", value: outcome }
          : outcome;
      },
      retrying,
      (end) => ({ kind: "failed", status: gaveUpStatus(end) }),
    );
  }

  async function dist(name: string, version: string): Promise<VersionDist | string> {
    const registry = registryFor(settings, name);
    const url = packumentUrl(registry, name);
    if (!URL.canParse(url)) return unavailable("invalid registry URL");
    const outcome = await getWithRetries({
      url: new URL(url),
      authorization: authorizationFor(settings, url),
      accept: ABBREVIATED,
      gzip: true,
      maxBytes: options.maxPackumentBytes ?? DEFAULT_MAX_PACKUMENT_BYTES,
    });
    if (outcome.kind !== "done") return outcome.status;
    const parser = createDistParser(version);
    parser.write(outcome.body);
    const parsed = parser.end();
    return parsed.ok ? parsed.dist : unavailable(parsed.problem);
  }

  async function fetchOne(name: string, version: string): Promise<TarballResult> {
    const found = await dist(name, version);
    if (typeof found === "string") return { ok: false, status: found };
    const url = URL.canParse(found.tarball) ? new URL(found.tarball) : null;
    if (!url || (url.protocol !== "https:" && url.protocol !== "http:"))
      return { ok: false, status: unavailable("invalid tarball URL") };
    // The packument is the publisher's text: a tarball URL on another host
    // gets no credentials, even ones configured for that host.
    const sameHost = url.origin === new URL(registryFor(settings, name)).origin;
    const outcome = await getWithRetries({
      url,
      authorization: sameHost ? authorizationFor(settings, url.href) : null,
      accept: "application/octet-stream",
      gzip: false,
      maxBytes: options.maxTarballBytes ?? DEFAULT_MAX_TARBALL_BYTES,
    });
    if (outcome.kind !== "done") return { ok: false, status: outcome.status };
    const integrity = checkIntegrity(outcome.body, found);
    if (integrity === "mismatch") return { ok: false, status: unavailable("integrity mismatch") };
    if (integrity === "no digest")
      return { ok: false, status: unavailable("no integrity published") };
    return { ok: true, bytes: outcome.body };
  }

  return {
    async fetchTarball(name, version) {
      if (!isValidPackageName(name)) return { ok: false, status: unavailable("invalid name") };
      try {
        return await fetchOne(name, version);
      } catch (error) {
        // A bug here must not abort the analysis; the status still names the error.
        return { ok: false, status: unavailable(`internal error (${errorCode(error)})`) };
      }
    },
    async close() {
      await ownDispatcher?.close();
    },
  };
}

type Final = Extract<GetOutcome, { kind: "done" } | { kind: "failed" }>;

function gaveUpStatus(end: GiveUp): string {
  if (end.why === "rate-limited") return rateLimitedStatus(end.host, end.untilMs, Date.now());
  if (end.last.kind === "retry-http") return exhaustedHttpStatus(end.last.status, end.retries);
  return networkStatus(end.last.code);
}
