import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdir, readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
// The owner of a temporary clone is this process itself, not something a context could pass in.
import { kill, pid as ownPid, uptime } from "node:process";

/**
 * Partial clones left by a killed run. A clone is written to
 * `<repo>.git.tmp-<pid>-<start>-<random>` and renamed when complete; a run
 * killed in between leaves the folder (a 511 MB one after a 130,000-tag
 * clone). At start, a run removes the temporary folders whose owner is gone:
 * the process id no longer runs, or it runs but started at another time (the
 * id was reused). A live run's folders are never touched. Folders from a
 * jenga that did not record its owner are removed once older than any clone
 * could take.
 */

/** Our own start, in whole seconds since the epoch: with the pid it names this process. */
const ownStart = Math.round(Date.now() / 1000 - uptime());

export function ownedTemporaryName(gitDir: string): string {
  return `${gitDir}.tmp-${ownPid}-${ownStart}-${randomBytes(4).toString("hex")}`;
}

const owned = /\.tmp-(\d+)-(\d+)-[0-9a-f]+$/;
const unowned = /\.tmp-[0-9a-f]{12}$/;

/** Removes stale temporary clones in `dir`; returns how many. Never throws. */
export async function removeStaleClones(dir: string, unownedAfterMs: number): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const full = path.join(dir, name);
    const match = owned.exec(name);
    let stale = false;
    if (match) stale = !(await isRunning(Number(match[1]), Number(match[2])));
    else if (unowned.test(name)) {
      const info = await stat(full).catch(() => null);
      stale = info !== null && Date.now() - info.mtimeMs > unownedAfterMs;
    }
    if (!stale) continue;
    await rm(full, { recursive: true, force: true }).catch(() => undefined);
    removed += 1;
  }
  return removed;
}

/** Whether process `pid` runs and started at `start` (seconds since the epoch, ±2 s). */
async function isRunning(pid: number, start: number): Promise<boolean> {
  if (pid === ownPid) return start === ownStart;
  try {
    kill(pid, 0);
  } catch (error) {
    // EPERM: it runs under another user, so it is alive.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  const started = await startOf(pid);
  return started === null || Math.abs(started - start) <= 2;
}

/** A process's start time (seconds since the epoch): from /proc on Linux, else from ps; null if unknown. */
async function startOf(pid: number): Promise<number | null> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  const uptime = await readFile("/proc/uptime", "utf8").catch(() => null);
  const ticks = ticksPerSecond();
  if (stat && uptime && ticks) {
    // Field 22, counted after the command name, which may itself hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const startTicks = Number(fields[19]);
    const bootAgo = Number(uptime.split(" ")[0]);
    if (Number.isFinite(startTicks) && Number.isFinite(bootAgo))
      return Math.round(Date.now() / 1000 - bootAgo + startTicks / ticks);
  }
  const ps = spawnSync("ps", ["-o", "etimes=", "-p", String(pid)], { encoding: "utf8" });
  const elapsed = Number(ps.stdout?.trim());
  return ps.status === 0 && Number.isFinite(elapsed)
    ? Math.round(Date.now() / 1000 - elapsed)
    : null;
}

let ticks: number | null | undefined;
function ticksPerSecond(): number | null {
  if (ticks === undefined) {
    const conf = spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" });
    const value = Number(conf.stdout?.trim());
    ticks = conf.status === 0 && value > 0 ? value : null;
  }
  return ticks;
}
