/**
 * Where jenga finds a GitHub token: `GITHUB_TOKEN`, then `GH_TOKEN` (the
 * names the gh CLI and GitHub Actions use), then the gh CLI's own login in
 * `hosts.yml`. The environment and the home folder are passed in; the token
 * is returned to the client and nowhere else.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type * as Yaml from "yaml";

export type TokenSource = "GITHUB_TOKEN" | "GH_TOKEN" | "gh config";

export interface GitHubToken {
  token: string;
  /** Where it came from, for a progress line; never the token itself. */
  source: TokenSource;
}

export interface TokenLookup {
  env: Record<string, string | undefined>;
  home: string;
  /** Injected for tests; defaults to reading the file. */
  readText?: (file: string) => Promise<string>;
}

/** gh's config folder: `$GH_CONFIG_DIR`, else `$XDG_CONFIG_HOME/gh`, else `~/.config/gh` (gh's own order). */
export function ghHostsFile(env: Record<string, string | undefined>, home: string): string {
  if (env.GH_CONFIG_DIR) return path.join(env.GH_CONFIG_DIR, "hosts.yml");
  if (env.XDG_CONFIG_HOME) return path.join(env.XDG_CONFIG_HOME, "gh", "hosts.yml");
  return path.join(home, ".config", "gh", "hosts.yml");
}

export async function findGitHubToken(lookup: TokenLookup): Promise<GitHubToken | null> {
  for (const name of ["GITHUB_TOKEN", "GH_TOKEN"] as const) {
    const value = lookup.env[name]?.trim();
    if (value) return { token: value, source: name };
  }
  const read = lookup.readText ?? ((file: string) => readFile(file, "utf8"));
  let text: string;
  try {
    text = await read(ghHostsFile(lookup.env, lookup.home));
  } catch {
    return null;
  }
  const token = tokenFromHostsYaml(text);
  return token ? { token, source: "gh config" } : null;
}

/**
 * The `github.com` token in gh's hosts.yml: `oauth_token` on the host, or,
 * in gh ≥ 2.40's multi-account layout, on the active `user` under `users`.
 * gh may keep the token in the system keyring instead; then there is none here.
 */
export function tokenFromHostsYaml(text: string): string | null {
  let doc: unknown;
  try {
    // Loaded only when gh's hosts.yml exists: most runs have a token in the environment or none.
    const { parse } = createRequire(import.meta.url)("yaml") as typeof Yaml;
    doc = parse(text);
  } catch {
    return null;
  }
  const host = record(record(doc)?.["github.com"]);
  if (!host) return null;
  const direct = host.oauth_token;
  if (isToken(direct)) return direct;
  const user = host.user;
  const users = record(host.users);
  const perUser = typeof user === "string" ? record(users?.[user])?.oauth_token : undefined;
  return isToken(perUser) ? perUser : null;
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** A token is one printable word; anything else would corrupt the Authorization header. */
function isToken(value: unknown): value is string {
  return typeof value === "string" && /^[\x21-\x7e]{1,1024}$/.test(value);
}
