import { Queue } from "bullmq";
import { replaceControlCharacters as printable } from "../util/control-characters.js";
import { type JobData, jobLabelOf } from "./queue-jobs.js";
import { type QueuedSource, queuedSources, queuePrefix } from "./queue-settings.js";
import { connectionOptions, type RedisAddress } from "./redis-address.js";

export interface SourceQueueStatus {
  source: QueuedSource;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
  workers: number;
  /** Failed jobs grouped by reason, most frequent first, with one job as an example. */
  failures: { reason: string; count: number; example: string }[];
}

/** Failed jobs read for their reasons; the counts above are exact whatever their number. */
const maxFailedRead = 1_000;

/** Per source queue: how many jobs wait, run, wait to retry, failed and finished, and why they failed. */
export async function readQueueStatus(address: RedisAddress): Promise<SourceQueueStatus[]> {
  const connection = connectionOptions(address);
  const statuses: SourceQueueStatus[] = [];
  for (const source of queuedSources) {
    const queue = new Queue<JobData>(source, { connection, prefix: queuePrefix });
    try {
      const counts = await queue.getJobCounts(
        "waiting",
        "active",
        "delayed",
        "failed",
        "completed",
      );
      const failed = await queue.getFailed(0, maxFailedRead - 1);
      const byReason = new Map<string, { count: number; example: string }>();
      for (const job of failed) {
        const reason = job.failedReason || "no reason recorded";
        const known = byReason.get(reason);
        if (known) known.count++;
        else
          byReason.set(reason, {
            count: 1,
            example: job.data ? jobLabelOf(job.data) : String(job.id),
          });
      }
      statuses.push({
        source,
        waiting: counts.waiting ?? 0,
        active: counts.active ?? 0,
        delayed: counts.delayed ?? 0,
        failed: counts.failed ?? 0,
        completed: counts.completed ?? 0,
        workers: await queue.getWorkersCount(),
        failures: [...byReason]
          .map(([reason, v]) => ({ reason, ...v }))
          .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
      });
    } finally {
      await queue.close();
    }
  }
  return statuses;
}

/** The table `jenga queue status` prints; reasons and names are strangers' text, made printable. */
export function formatQueueStatus(address: RedisAddress, statuses: SourceQueueStatus[]): string {
  const lines = [`jenga queue at ${address.display}`];
  for (const s of statuses) {
    lines.push(
      `${s.source.padEnd(11)} waiting ${s.waiting}  active ${s.active}  delayed ${s.delayed}  failed ${s.failed}  completed ${s.completed}  workers ${s.workers}`,
    );
    for (const f of s.failures)
      lines.push(
        `  failed ×${f.count}: ${printable(f.reason).slice(0, 200)} (e.g. ${printable(f.example)})`,
      );
  }
  return `${lines.join("\n")}\n`;
}
