import { UsageError } from "../errors.js";

/**
 * Where the queue lives: `redis://[user[:password]@]host[:port][/db]`, or `rediss://` for
 * TLS. The password comes from the URL or, so that it stays out of shell history and
 * process lists, from JENGA_REDIS_PASSWORD. `display` is the only form ever printed:
 * it has no password.
 */
export interface RedisAddress {
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
  tls: boolean;
  /** The URL with the password replaced by `***`: for messages and logs. */
  display: string;
}

export const passwordVariable = "JENGA_REDIS_PASSWORD";
const defaultPort = 6379;

export function parseRedisAddress(
  text: string,
  env: Record<string, string | undefined>,
): RedisAddress {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--queue: not a URL: ${redactLoose(text)}`, [], "redis://HOST:PORT");
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:")
    throw new UsageError(
      `--queue: ${url.protocol} is not a Redis URL`,
      [],
      "redis://HOST:PORT or rediss://HOST:PORT",
    );
  const db = url.pathname.replace(/^\/+/, "");
  if (db !== "" && !/^\d{1,2}$/.test(db))
    throw new UsageError(`--queue: the database must be a number, not ${db.slice(0, 40)}`);
  const port = url.port ? Number(url.port) : defaultPort;
  const password = url.password ? decodeURIComponent(url.password) : env[passwordVariable];
  const username = url.username ? decodeURIComponent(url.username) : undefined;
  const shown = new URL(url.href);
  if (shown.password) shown.password = "***";
  return {
    host: url.hostname.replace(/^\[|\]$/g, ""),
    port,
    db: db === "" ? 0 : Number(db),
    ...(username ? { username } : {}),
    ...(password ? { password } : {}),
    tls: url.protocol === "rediss:",
    display: shown.href.replace(/\/$/, ""),
  };
}

/** Something that failed to parse may still hold a password: drop anything before an `@`. */
function redactLoose(text: string): string {
  return text.replace(/\/\/[^@/]*@/, "//***@").slice(0, 200);
}

/** What BullMQ and ioredis are given to connect; never printed. */
export function connectionOptions(address: RedisAddress) {
  return {
    host: address.host,
    port: address.port,
    db: address.db,
    ...(address.username ? { username: address.username } : {}),
    ...(address.password ? { password: address.password } : {}),
    ...(address.tls ? { tls: {} } : {}),
  };
}
