import { openRedis } from "../queue/open-redis.js";
import { formatQueueStatus, readQueueStatus } from "../queue/queue-status.js";
import { parseRedisAddress } from "../queue/redis-address.js";
import type { CliIo } from "./run-cli.js";

/** `jenga queue status --queue URL`: per source, the jobs waiting, running and failed, and why they failed. */
export async function runQueueStatus(options: { queue: string }, io: CliIo): Promise<void> {
  const address = parseRedisAddress(options.queue, io.env);
  // Checked first with a PING, so an unreachable Redis is one line and exit 2, not a hang.
  const redis = await openRedis(address);
  try {
    io.stdout.write(formatQueueStatus(address, await readQueueStatus(address)));
  } finally {
    await redis.quit().catch(() => redis.disconnect());
  }
}
