/**
 * The undici dispatchers: for registry requests a keep-alive connection pool
 * per origin, npm's proxy choice, npm's TLS settings; for other hosts the same
 * proxies; for a client's own use a plain agent.
 *
 * undici itself is loaded on the first request, not with this module: it is
 * the largest module a run loads, and a warm run answered from the cache
 * makes no request at all.
 */
import { createRequire } from "node:module";
import type * as Undici from "undici";
import type { Dispatcher } from "undici";
import type { NpmSettings } from "./npm-settings.js";

let loaded: typeof Undici | undefined;

/** undici, loaded on first use. */
export function undici(): typeof Undici {
  loaded ??= createRequire(import.meta.url)("undici") as typeof Undici;
  return loaded;
}

/**
 * A dispatcher whose undici agent is made on its first request. undici's
 * `request` needs only `dispatch`; jenga's own code only `close`, which
 * closes nothing when no request was made.
 */
function lazyDispatcher(make: () => Dispatcher): Dispatcher {
  let agent: Dispatcher | null = null;
  const lazy: Pick<Dispatcher, "dispatch" | "close" | "destroy"> = {
    dispatch: (options, handler) => {
      agent ??= make();
      return agent.dispatch(options, handler);
    },
    close: (() => agent?.close() ?? Promise.resolve()) as Dispatcher["close"],
    destroy: (() => agent?.destroy() ?? Promise.resolve()) as Dispatcher["destroy"],
  };
  return lazy as Dispatcher;
}

/** Idle keep-alive sockets are closed after this; long enough to span a burst of lookups. */
const KEEP_ALIVE_TIMEOUT_MS = 10_000;

export function createDispatcher(settings: NpmSettings, connectionsPerOrigin: number): Dispatcher {
  // As with npm, `ca` replaces Node's default roots rather than adding to them
  // (npm docs: "a specific CA cert to trust only that specific signing
  // authority"); NODE_EXTRA_CA_CERTS still adds to them.
  const tls = {
    ...(settings.ca ? { ca: settings.ca } : {}),
    rejectUnauthorized: settings.strictSSL,
  };
  return lazyDispatcher(
    () =>
      new (undici().EnvHttpProxyAgent)({
        ...proxied(settings, connectionsPerOrigin),
        connect: tls,
        // Through a proxy, the TLS session to the registry is inside the tunnel.
        requestTls: tls,
      }),
  );
}

/**
 * The dispatcher for every other host (the OSV API, GitHub): the same proxies
 * as the registry, so a corporate network that needs a proxy reaches them too,
 * but Node's own trust roots: npm's `ca` is the registry's, not the world's.
 */
export function createProxyDispatcher(
  settings: NpmSettings,
  connectionsPerOrigin: number,
): Dispatcher {
  return lazyDispatcher(
    () => new (undici().EnvHttpProxyAgent)(proxied(settings, connectionsPerOrigin)),
  );
}

/** The pool and npm's proxy choice, shared by both proxy-aware dispatchers. */
function proxied(settings: NpmSettings, connectionsPerOrigin: number) {
  return {
    connections: connectionsPerOrigin,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    // http: targets through an http: proxy get absolute-form requests, as npm's agent
    // sends them; https: ones always go through a CONNECT tunnel.
    proxyTunnel: false,
    // "" and not undefined: undici would read process.env itself otherwise,
    // and the environment is the caller's to give (see npm-config.ts).
    httpProxy: settings.proxy.http ?? "",
    httpsProxy: settings.proxy.https ?? "",
    noProxy: settings.proxy.noProxy,
  };
}

/** A client's own keep-alive pool, without proxies (the OSV and GitHub clients when none is given). */
export function createAgent(connectionsPerOrigin: number): Dispatcher {
  return lazyDispatcher(
    () =>
      new (undici().Agent)({
        connections: connectionsPerOrigin,
        keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
      }),
  );
}
export type { Dispatcher };
