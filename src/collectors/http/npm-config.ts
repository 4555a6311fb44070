/**
 * npm's configuration, resolved by npm's own loader (@npmcli/config with npm's
 * definitions): the same files in the same order (builtin, global, user,
 * project .npmrc), `npm_config_*` environment variables, `${VAR}` substitution
 * and nerf-darted credentials. Whatever registry, mirror, proxy or token makes
 * `npm install` work in a project makes jenga work there too.
 */
import { fileURLToPath } from "node:url";
import Config from "@npmcli/config";
import npmDefinitions from "@npmcli/config/lib/definitions/index.js";
import { UsageError } from "../../errors.js";
import { collectCredentials } from "./npm-credentials.js";
import { type NpmSettings, registryFor } from "./npm-settings.js";
import { authorizationFor } from "./registry-auth.js";

export type { NpmSettings };
export { authorizationFor, registryFor };

export interface LoadNpmConfigOptions {
  /** The project folder: npm walks up from here to find the project .npmrc. */
  cwd: string;
  env: Record<string, string | undefined>;
  /**
   * npm's install folder, whose `npmrc` is the "builtin" config layer. Default:
   * a folder without one (jenga does not run inside npm).
   */
  npmPath?: string;
  /**
   * Sent when the user left npm's `user-agent` at its default, whose template
   * would say `npm/undefined` outside npm (pass e.g. `jenga/0.1.0`). A user-set
   * `user-agent` wins. Default: `jenga`.
   */
  userAgent?: string;
}

const DEFAULT_USER_AGENT = "jenga";

/** This module's folder: it has no `npmrc` and no package.json, so no builtin layer. */
const NO_BUILTIN_CONFIG = fileURLToPath(new URL(".", import.meta.url));

/**
 * The keys whose npm flatten functions we run. npm's full `flatten` also
 * flattens unrelated keys, and some of those write to process.env (`omit=dev`
 * sets NODE_ENV=production in definitions.js), which a library must not do.
 * `user-agent`'s flatten writes process.env.npm_config_user_agent too, so it
 * only runs when the user configured a user agent of their own.
 */
const NETWORK_KEYS: readonly string[] = [
  "registry",
  "proxy",
  "https-proxy",
  "noproxy",
  "ca",
  "cafile",
  "strict-ssl",
  "user-agent",
];

/** Scoped registries and nerf-darted keys, copied verbatim: the rule of npm's own flatten. */
const SCOPED_REGISTRY_KEY = /@.*:registry$/i;
const NERF_DART_PREFIX = "//";
const SCOPED_REGISTRY_SUFFIX = ":registry";

function flattenKeys(
  keys: ReadonlySet<string>,
  data: Record<string, unknown>,
  flat: Record<string, unknown>,
): void {
  for (const [key, value] of Object.entries(data)) {
    const definition = npmDefinitions.definitions[key];
    if (keys.has(key) && definition?.flatten) {
      definition.flatten(key, data, flat);
    } else if (SCOPED_REGISTRY_KEY.test(key) || key.startsWith(NERF_DART_PREFIX)) {
      flat[key] = value;
    }
  }
}

export async function loadNpmConfig(options: LoadNpmConfigOptions): Promise<NpmSettings> {
  const keys = new Set(NETWORK_KEYS);
  const configOptions = {
    definitions: npmDefinitions.definitions,
    shorthands: npmDefinitions.shorthands,
    nerfDarts: npmDefinitions.nerfDarts,
    flatten: (data: Record<string, unknown>, flat: Record<string, unknown>) =>
      flattenKeys(keys, data, flat),
    npmPath: options.npmPath ?? NO_BUILTIN_CONFIG,
    argv: [],
    cwd: options.cwd,
    // A copy: @npmcli/config writes npm_config_*, HOME and INIT_CWD back into
    // the env it is given (set-envs.js), for the lifecycle scripts npm runs.
    env: { ...options.env },
    // Queue unknown-key warnings instead of emitting them as process log events.
    warn: false,
  };
  const config = new Config(configOptions);
  try {
    await config.load();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new UsageError(
      `cannot read npm's configuration: ${detail}`,
      [],
      "check `npm config list`",
    );
  }
  const ownUserAgent = config.isDefault("user-agent");
  if (ownUserAgent) keys.delete("user-agent");
  const flat = config.flat;
  const userAgent = ownUserAgent
    ? (options.userAgent ?? DEFAULT_USER_AGENT)
    : String(flat.userAgent);
  return settingsFromFlat(flat, options.env, userAgent);
}

function settingsFromFlat(
  flat: Record<string, unknown>,
  env: Record<string, string | undefined>,
  userAgent: string,
): NpmSettings {
  return {
    registry: String(flat.registry),
    scopes: scopedRegistries(flat),
    credentials: collectCredentials(flat),
    proxy: resolveProxies(flat, env),
    ca: certificates(flat.ca),
    strictSSL: flat.strictSSL !== false,
    userAgent,
  };
}

function scopedRegistries(flat: Record<string, unknown>): Record<string, string> {
  const scopes: Record<string, string> = {};
  for (const [key, value] of Object.entries(flat)) {
    if (!key.startsWith("@") || !SCOPED_REGISTRY_KEY.test(key) || typeof value !== "string")
      continue;
    scopes[key.slice(0, -SCOPED_REGISTRY_SUFFIX.length)] = value;
  }
  return scopes;
}

/** Proxy environment variables, case-insensitively, as @npmcli/agent reads them. */
const PROXY_ENV_KEYS: ReadonlySet<string> = new Set([
  "https_proxy",
  "http_proxy",
  "proxy",
  "no_proxy",
]);

/**
 * npm's choice of proxy: npm-registry-fetch passes `httpsProxy || proxy` from
 * the config for every URL; without one, @npmcli/agent's getProxy falls back to
 * the environment: HTTPS_PROXY for https: URLs, and HTTPS_PROXY, HTTP_PROXY,
 * then PROXY for http: URLs. NO_PROXY applies when `noproxy` is unset.
 */
function resolveProxies(flat: Record<string, unknown>, env: Record<string, string | undefined>) {
  const fromEnv: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(env)) {
    const lower = key.toLowerCase();
    if (PROXY_ENV_KEYS.has(lower)) fromEnv[lower] = value;
  }
  const configured = nonEmpty(flat.httpsProxy) ?? nonEmpty(flat.proxy);
  return {
    https: configured ?? nonEmpty(fromEnv.https_proxy),
    http:
      configured ??
      nonEmpty(fromEnv.https_proxy) ??
      nonEmpty(fromEnv.http_proxy) ??
      nonEmpty(fromEnv.proxy),
    noProxy: nonEmpty(flat.noProxy) ?? nonEmpty(fromEnv.no_proxy) ?? "",
  };
}

function nonEmpty(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

/** `ca` is a PEM string or a list of them; `cafile` was already split into a list by npm. */
function certificates(value: unknown): string[] | null {
  const list = (Array.isArray(value) ? value : [value]).filter(
    (item): item is string => typeof item === "string" && item.trim() !== "",
  );
  return list.length > 0 ? list : null;
}
