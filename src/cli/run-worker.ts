import path from "node:path";
import { defaultCacheDir } from "../cache/disk-cache.js";
import { openRedis } from "../queue/open-redis.js";
import { parseRedisAddress } from "../queue/redis-address.js";
import { startWorkers } from "../queue/start-workers.js";
import { printableLines } from "../util/control-characters.js";
import type { WorkerOptions } from "./command-options.js";
import { homeDirectory } from "./run-analysis.js";
import type { CliIo } from "./run-cli.js";
import { toolVersion } from "./tool-version.js";

/**
 * `jenga worker --queue URL`: runs collector jobs until SIGTERM or SIGINT. Then BullMQ's
 * graceful close: no new job is taken and the running ones finish (a second signal exits
 * at once; the unfinished jobs' locks lapse and BullMQ hands them to another worker).
 */
export async function runWorker(options: WorkerOptions, io: CliIo): Promise<void> {
  const address = parseRedisAddress(options.queue, io.env);
  const redis = await openRedis(address);
  const say = (text: string) => {
    if (!options.quiet) io.stderr.write(printableLines(`jenga worker: ${text}\n`));
  };
  const stalledMs = Number(io.env.JENGA_QUEUE_STALLED_MS) || undefined;
  const issuesPerMinute = Number(io.env.JENGA_QUEUE_ISSUES_PER_MINUTE) || undefined;
  const home = homeDirectory(io.env);
  const workers = await startWorkers({
    address,
    redis,
    cacheDir: options.cache ? path.resolve(io.cwd, options.cache) : defaultCacheDir(io.env, home),
    cwd: io.cwd,
    env: io.env,
    home,
    toolVersion,
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(stalledMs ? { stalledMs } : {}),
    ...(issuesPerMinute ? { issuesPerMinute } : {}),
    onEvent: (event) => {
      if (event.kind === "failed")
        say(`${event.source} job ${event.jobId} failed: ${event.reason}`);
    },
  });
  say(`taking jobs from ${address.display} (pid ${process.pid}); stop with SIGTERM or Ctrl-C`);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once("SIGTERM", () => resolve("SIGTERM"));
    process.once("SIGINT", () => resolve("SIGINT"));
  });
  say(`${signal}: finishing the running jobs`);
  const again = () => process.exit(130);
  process.once("SIGTERM", again);
  process.once("SIGINT", again);
  await workers.close();
  await redis.quit().catch(() => redis.disconnect());
  say("stopped");
}
