import { Redis } from "ioredis";
import { UsageError } from "../errors.js";
import { connectionOptions, type RedisAddress } from "./redis-address.js";

/** Long enough for a managed Redis across a region, short enough that a typo fails fast. */
const connectTimeoutMs = 5_000;

/**
 * A connection for jenga's own commands (the cache, counts), checked with a PING before
 * any work: an unreachable Redis is one line naming the URL (without its password) and
 * exit 2, not a hang or a stack. `maxRetriesPerRequest: null` is what BullMQ asks of
 * connections it shares; reconnects after the first contact are ioredis's own.
 */
export async function openRedis(address: RedisAddress): Promise<Redis> {
  const client = new Redis({
    ...connectionOptions(address),
    lazyConnect: true,
    connectTimeout: connectTimeoutMs,
    maxRetriesPerRequest: null,
    // The first contact is not retried: a wrong address should fail now.
    retryStrategy: () => null,
  });
  // ioredis emits the cause (ECONNREFUSED, ENOTFOUND) as an event and rejects connect()
  // with "Connection is closed": keep the cause for the message.
  let cause: unknown = null;
  client.on("error", (error) => {
    cause ??= error;
  });
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    client.disconnect();
    throw new UsageError(`cannot reach Redis at ${address.display} (${reasonOf(cause ?? error)})`);
  }
  // From now on, a dropped connection is retried (a Redis restart must not kill a worker).
  client.options.retryStrategy = (times: number) => Math.min(times * 200, 5_000);
  return client;
}

/** The error's code or first line, never the options it was given (they hold the password). */
function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === "string") return code;
  const text = error instanceof Error ? error.message : String(error);
  return (text.split("\n")[0] ?? "").replace(/[^\x20-\x7e]/g, "?").slice(0, 120);
}
