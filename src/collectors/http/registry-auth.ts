/**
 * Which credentials apply to a URL: npm-registry-fetch's rule (lib/auth.js,
 * `regFromURI` and `hasAuth`). Credentials are keyed by a "nerf dart", the
 * URL without its scheme (`//host[:port]/path/`), and apply to a URL only when
 * one of the URL's own path prefixes equals a key: from the full path, walk up
 * by dropping the last segment or the trailing slash, and stop at `//host`.
 * So a key never matches another host, another port, or a sibling path
 * (`//a/b/` does not cover `//a/bc/`).
 *
 * Like npm, a key has no scheme, so `//host/` covers http: and https: alike;
 * and a default port is not part of the host (`https://a:443/` is `//a/`).
 *
 * Unlike npm-registry-fetch, there is no fallback from a URL without a key to
 * "the registry on the same host": packument URLs always sit under their
 * registry, and the fallback would hand `//a/b/`'s token to `//a/bc/`.
 */
import type { NpmSettings, RegistryCredential } from "./npm-settings.js";

/** The nerf dart of a registry URL, as @npmcli/config's nerf-dart.js computes it. */
export function nerfDart(url: string): string {
  const parsed = new URL(url);
  const base = new URL(".", `${parsed.protocol}//${parsed.host}${parsed.pathname}`);
  return `//${base.host}${base.pathname}`;
}

const BARE_PREFIX = "//";
/** Walks `//host/a/b` → `//host/a/` → `//host/a` → `//host/` → `//host`: drop a segment or a slash. */
const LAST_SEGMENT_OR_SLASH = /([^/]+|\/)$/;

/** The nerf dart whose credentials apply to `url`, or null. */
export function credentialKeyFor(
  credentials: Readonly<Record<string, RegistryCredential>>,
  url: string,
): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  let key = `${BARE_PREFIX}${parsed.host}${parsed.pathname}`;
  while (key.length > BARE_PREFIX.length) {
    if (Object.hasOwn(credentials, key)) return key;
    key = key.replace(LAST_SEGMENT_OR_SLASH, "");
  }
  return null;
}

/** The Authorization header value for `url`, or null when no credentials apply. */
export function authorizationFor(settings: NpmSettings, url: string): string | null {
  const key = credentialKeyFor(settings.credentials, url);
  const credential = key === null ? undefined : settings.credentials[key];
  switch (credential?.kind) {
    case "token":
      return `Bearer ${credential.token.reveal()}`;
    case "basic":
      return `Basic ${credential.auth.reveal()}`;
    default:
      return null;
  }
}
