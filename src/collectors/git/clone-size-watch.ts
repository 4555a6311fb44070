import { lstat, readdir } from "node:fs/promises";
import path from "node:path";

/**
 * Watches a clone's folder against the size limit while git writes it. A
 * repository with 130,000 tags leaves as many loose ref files: measuring them
 * every 250 ms with overlapping walks ran V8 out of memory. So one walk at a
 * time, the next one only after the last has finished, and spaced further
 * apart when a walk is slow, so measuring never costs more than a fraction of
 * the clone's time.
 */

export interface SizeWatch {
  /** Stops the watch and waits for a walk in progress, so the caller can measure alone. */
  stop(): Promise<void>;
}

export interface SizeWatchOptions {
  /** Called once a walk finds more than this many bytes. */
  maxBytes: number;
  onOver: () => void;
  /** The pause between walks when a walk is quick. */
  pollMs: number;
}

/** A walk that took t ms is followed by a pause of at least this many times t: measuring stays under ~20% of the time. */
const pauseFactor = 4;

export function watchFolderSize(dir: string, options: SizeWatchOptions): SizeWatch {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let walking: Promise<void> = Promise.resolve();
  const walk = async () => {
    const started = Date.now();
    const bytes = await folderSize(dir);
    if (stopped) return;
    if (bytes > options.maxBytes) options.onOver();
    schedule(Math.max(options.pollMs, pauseFactor * (Date.now() - started)));
  };
  const schedule = (ms: number) => {
    timer = setTimeout(() => {
      walking = walk();
    }, ms);
  };
  schedule(options.pollMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await walking;
    },
  };
}

/**
 * Bytes the folder takes on disk, as `du` counts them: a 41-byte ref file still
 * takes a whole block, and 130,000 of them take half a gigabyte.
 */
export async function folderSize(dir: string): Promise<number> {
  let total = 0;
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const info = await lstat(path.join(entry.parentPath, entry.name)).catch(() => null);
    if (info) total += info.blocks > 0 ? info.blocks * 512 : info.size;
  }
  return total;
}
