/**
 * Credentials from npm's flat options: every `//nerf/dart/:field` key, grouped
 * by nerf dart, resolved with npm-registry-fetch's precedence (lib/auth.js,
 * `hasAuth` and the Auth class). Un-nerfed `_authToken`/`_auth` are ignored,
 * as npm ignores them since v9 (`npm config fix` rewrites them).
 */
import { type RegistryCredential, Secret } from "./npm-settings.js";

const NERF_DART_PREFIX = "//";

type Fields = Partial<Record<string, string>>;

export function collectCredentials(
  flat: Record<string, unknown>,
): Record<string, RegistryCredential> {
  const byDart = new Map<string, Fields>();
  for (const [key, value] of Object.entries(flat)) {
    // The field follows the last colon: the dart itself may hold a `:port`.
    const colon = key.lastIndexOf(":");
    if (!key.startsWith(NERF_DART_PREFIX) || colon < 0 || typeof value !== "string") continue;
    const dart = key.slice(0, colon);
    const fields = byDart.get(dart) ?? {};
    fields[key.slice(colon + 1)] = value;
    byDart.set(dart, fields);
  }
  const credentials: Record<string, RegistryCredential> = {};
  for (const [dart, fields] of byDart) {
    const credential = credentialOf(fields);
    if (credential) credentials[dart] = credential;
  }
  return credentials;
}

function credentialOf(fields: Fields): RegistryCredential | null {
  if (fields._authToken) return { kind: "token", token: new Secret(fields._authToken) };
  if (fields._auth) return { kind: "basic", auth: new Secret(fields._auth) };
  if (fields.username && fields._password) {
    // `_password` is stored base64-encoded (npm's setCredentialsByURI).
    const password = Buffer.from(fields._password, "base64").toString("utf8");
    const auth = Buffer.from(`${fields.username}:${password}`, "utf8").toString("base64");
    return { kind: "basic", auth: new Secret(auth) };
  }
  if (fields.certfile && fields.keyfile) return { kind: "client-certificate" };
  return null;
}
