import { readFileSync } from "node:fs";
import { lstat, mkdir, readdir, rm, unlink, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * A run killed in the middle (kill -9, a CI timeout, a full disk) leaves its
 * temporary entries in the cache folder: write-file-atomic's `<entry>.json.<n>`
 * and a partial clone's `<repo>.git.tmp-<hex>`. Nothing else ever removes
 * them. Each run therefore records itself in `runs/` (process id and the
 * process's start time, so a recycled id is not mistaken for the run), and at
 * start, when no other recorded run is alive, removes the temporary entries
 * older than itself. While another run lives, its entries cannot be told from
 * a dead one's, so nothing is touched.
 */

/** write-file-atomic's temporary name: the target plus a dot and a number. */
const ATOMIC_TEMP = /\.json\.\d+$/;
/** git-clone.ts clones into `<dir>.git.tmp-<12 hex>` and renames it when done. */
const CLONE_TEMP = /\.git\.tmp-[0-9a-f]{12}$/;
const RUNS = "runs";

export interface CacheClaim {
  /** Temporary entries removed at start. */
  removed: number;
  /** Whether another live run shares the folder (then nothing was removed). */
  shared: boolean;
  release(): Promise<void>;
}

export interface ProcessIdentity {
  pid: number;
  /** Kernel start time of the process (Linux: /proc/<pid>/stat field 22), or "" where unknown. */
  start: string;
}

/** This process, and a way to ask whether another exists: passed in by the CLI, which owns `process`. */
export interface ProcessTable {
  self: ProcessIdentity;
  /** Whether a process with this id exists (signal 0). */
  exists(pid: number): boolean;
}

/** Claims `root` (the cache's versioned folder) for this run and removes what dead runs left. */
export async function claimCacheFolder(
  root: string,
  processes: ProcessTable,
  startedAt: Date,
): Promise<CacheClaim> {
  const self = processes.self;
  const runs = path.join(root, RUNS);
  const record = path.join(runs, `${self.pid}-${self.start || "0"}`);
  try {
    await mkdir(runs, { recursive: true });
    await writeFile(record, "");
  } catch {
    // An unwritable cache is reported by the cache itself; without a record, touch nothing.
    return { removed: 0, shared: true, release: async () => {} };
  }
  let shared = false;
  for (const name of await readdir(runs).catch(() => [] as string[])) {
    const run = parseRecord(name);
    if (!run || (run.pid === self.pid && run.start === self.start)) continue;
    if (isAlive(run, processes)) shared = true;
    else await unlink(path.join(runs, name)).catch(() => {});
  }
  const removed = shared ? 0 : await removeTemps(root, startedAt.getTime());
  return { removed, shared, release: () => unlink(record).catch(() => {}) };
}

async function removeTemps(root: string, before: number): Promise<number> {
  let removed = 0;
  for (const folder of await readdir(root, { withFileTypes: true }).catch(() => [])) {
    if (!folder.isDirectory() || folder.name === RUNS) continue;
    const dir = path.join(root, folder.name);
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      if (!ATOMIC_TEMP.test(name) && !CLONE_TEMP.test(name)) continue;
      const entry = path.join(dir, name);
      const info = await lstat(entry).catch(() => null);
      // Older than this run: a run that starts after this check has not written it.
      if (!info || info.mtimeMs >= before) continue;
      await rm(entry, { recursive: true, force: true }).catch(() => {});
      removed++;
    }
  }
  return removed;
}

function parseRecord(name: string): ProcessIdentity | null {
  const match = /^(\d+)-(\d+)$/.exec(name);
  if (!match) return null;
  return { pid: Number(match[1]), start: match[2] === "0" ? "" : (match[2] as string) };
}

function isAlive(run: ProcessIdentity, processes: ProcessTable): boolean {
  if (!processes.exists(run.pid)) return false;
  // Same id, another start time: the id was recycled and the run is gone.
  const start = processStart(run.pid);
  return !run.start || !start || start === run.start;
}

/** The start time the kernel records for a process (clock ticks since boot), or "" off Linux. */
export function processStart(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: count from its end.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[19] ?? "";
  } catch {
    return "";
  }
}
