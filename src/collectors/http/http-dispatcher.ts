/**
 * The undici dispatcher for registry requests: a keep-alive connection pool
 * per origin, npm's proxy choice, npm's TLS settings.
 */
import { type Dispatcher, EnvHttpProxyAgent } from "undici";
import type { NpmSettings } from "./npm-settings.js";

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
  return new EnvHttpProxyAgent({
    connections: connectionsPerOrigin,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    connect: tls,
    // Through a proxy, the TLS session to the registry is inside the tunnel.
    requestTls: tls,
    // http: registries through an http: proxy get absolute-form requests, as
    // npm's agent sends them; https: ones always go through a CONNECT tunnel.
    proxyTunnel: false,
    // "" and not undefined: undici would read process.env itself otherwise,
    // and the environment is the caller's to give (see npm-config.ts).
    httpProxy: settings.proxy.http ?? "",
    httpsProxy: settings.proxy.https ?? "",
    noProxy: settings.proxy.noProxy,
  });
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
  return new EnvHttpProxyAgent({
    connections: connectionsPerOrigin,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    // As for the registry: plain http: targets in absolute form, https: ones through a tunnel.
    proxyTunnel: false,
    httpProxy: settings.proxy.http ?? "",
    httpsProxy: settings.proxy.https ?? "",
    noProxy: settings.proxy.noProxy,
  });
}
export type { Dispatcher };
