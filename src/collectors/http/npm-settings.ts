/**
 * The part of npm's configuration the registry client needs, resolved once by
 * loadNpmConfig (npm-config.ts). Plain data plus secrets that refuse to print.
 */
import { inspect } from "node:util";
import { scopeOf } from "../../util/package-name.js";

/**
 * A credential value. It never shows itself in JSON, string conversion or
 * util.inspect, so logging or caching settings by mistake leaks nothing;
 * only the code that builds the Authorization header calls `reveal()`.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toJSON(): string {
    return "[redacted]";
  }

  toString(): string {
    return "[redacted]";
  }

  [inspect.custom](): string {
    return "Secret([redacted])";
  }
}

/**
 * Credentials for one nerf dart (`//host[:port]/path/`), in npm-registry-fetch's
 * order of precedence: `_authToken`, then `_auth`, then `username` with
 * `_password`. A `certfile` + `keyfile` pair counts as credentials when npm
 * looks for the nearest key, but sends no header (client certificates are not
 * supported here).
 */
export type RegistryCredential =
  | { kind: "token"; token: Secret }
  | { kind: "basic"; auth: Secret }
  | { kind: "client-certificate" };

export interface ProxySettings {
  /** Proxy for http: URLs, or null. */
  http: string | null;
  /** Proxy for https: URLs, or null. */
  https: string | null;
  /** Comma-separated hosts that bypass the proxy ("" for none). */
  noProxy: string;
}

export interface NpmSettings {
  /** The default registry (`registry`), as configured. */
  registry: string;
  /** `@scope` → registry URL (`@scope:registry`). */
  scopes: Record<string, string>;
  /** Nerf dart → credentials (`//host/path/:_authToken` and friends). */
  credentials: Record<string, RegistryCredential>;
  proxy: ProxySettings;
  /** Extra trusted CA certificates (PEM) from `ca` or `cafile`; null for Node's defaults. */
  ca: string[] | null;
  strictSSL: boolean;
  userAgent: string;
}

/** The registry that serves `packageName`: its scope's registry, else the default one. */
export function registryFor(settings: NpmSettings, packageName: string): string {
  const scope = scopeOf(packageName);
  if (scope !== null && Object.hasOwn(settings.scopes, scope)) {
    return settings.scopes[scope] ?? settings.registry;
  }
  return settings.registry;
}
