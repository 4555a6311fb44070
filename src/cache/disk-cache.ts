import { createHash } from "node:crypto";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import writeFileAtomic from "write-file-atomic";
import type { SourceName } from "../collectors/types.js";
import { cacheFormats } from "./formats.js";

/** Anything with zod's safeParse: the cached value's expected shape (./cached-shapes.ts). */
export interface CachedShape {
  safeParse(value: unknown): { success: boolean };
}

/**
 * One on-disk cache for every source. Entries are small JSON files written
 * atomically (temp file + rename), so a run killed at any point leaves either
 * the old entry, the new one, or none: never a torn one. A later run simply
 * finds what the killed run already stored and fetches the rest.
 */

/** `normal`: fresh entries are used; `offline`: any entry, never the network; `refresh`: entries ignored. */
export type CacheMode = "normal" | "offline" | "refresh";

export interface CacheEntry<T> {
  key: string;
  /** The source's cache format when written (./formats.ts); another one is a miss. */
  format?: number;
  storedAt: string;
  /** Validator for a conditional re-fetch (HTTP ETag), when the source has one. */
  etag: string | null;
  value: T;
}

export interface Cache {
  readonly mode: CacheMode;
  readonly dir: string;
  /** With `shape`, a value that does not match it is a miss. */
  read<T>(source: SourceName, key: string, shape?: CachedShape): Promise<CacheEntry<T> | null>;
  write<T>(source: SourceName, key: string, value: T, etag?: string | null): Promise<void>;
  /** Why writes failed this run (an unwritable or full folder), or null: said once, in the notes. */
  writeProblem(): string | null;
}

/** Bump when the shape of cached values changes: old entries are then simply not found. */
const layoutVersion = "v1";
/** Long enough to stay readable, short enough for any file system's 255-byte name limit. */
const maxReadableKeyLength = 80;

/**
 * Maps a key (a package name, a repository URL: strings from strangers) to a
 * file name that cannot escape the cache folder: unsafe characters become `_`
 * and a hash keeps distinct keys distinct.
 */
export function cacheFileName(key: string): string {
  const readable = key.replace(/[^a-zA-Z0-9._-]/g, "_").slice(0, maxReadableKeyLength);
  const hash = createHash("sha256").update(key).digest("hex").slice(0, 16);
  return `${readable.replace(/^\.+/, "_")}-${hash}.json`;
}

export function createDiskCache(options: { dir: string; mode: CacheMode; now: () => Date }): Cache {
  const root = path.resolve(options.dir, layoutVersion);
  const fileFor = (source: SourceName, key: string) => path.join(root, source, cacheFileName(key));
  let failures = 0;
  let firstFailure = "";
  return {
    mode: options.mode,
    dir: root,
    async read<T>(
      source: SourceName,
      key: string,
      shape?: CachedShape,
    ): Promise<CacheEntry<T> | null> {
      if (options.mode === "refresh") return null;
      let text: string;
      try {
        text = await readFile(fileFor(source, key), "utf8");
      } catch {
        return null;
      }
      try {
        const entry = JSON.parse(text) as CacheEntry<T>;
        // A hash collision or a hand-edited file: treat as a miss rather than trust it.
        if (!entry || entry.key !== key || typeof entry.storedAt !== "string") return null;
        // Written in another format of this source's answers: a miss, rewritten on this run.
        if (entry.format !== cacheFormats[source]) return null;
        // A value of the wrong shape (another version, a damaged file) is a miss too.
        return shape && !shape.safeParse(entry.value).success ? null : entry;
      } catch {
        return null;
      }
    },
    async write<T>(source: SourceName, key: string, value: T, etag: string | null = null) {
      const entry: CacheEntry<T> = {
        key,
        format: cacheFormats[source],
        storedAt: options.now().toISOString(),
        etag,
        value,
      };
      const file = fileFor(source, key);
      // An unwritable or full cache folder costs the cache, never the run.
      try {
        await mkdir(path.dirname(file), { recursive: true });
        await writeFileAtomic(file, JSON.stringify(entry), { mode: 0o600 });
      } catch (error) {
        failures++;
        if (!firstFailure) firstFailure = (error as NodeJS.ErrnoException).code ?? String(error);
      }
    },
    writeProblem() {
      if (failures === 0) return null;
      return `The cache folder ${options.dir} could not be written (${firstFailure}; ${failures} entr${failures === 1 ? "y" : "ies"} lost): this run went uncached, and the next one fetches everything again.`;
    },
  };
}

export function isFresh(entry: CacheEntry<unknown>, ttlMs: number, now: Date): boolean {
  const age = now.getTime() - Date.parse(entry.storedAt);
  return age >= 0 && age < ttlMs;
}

/** The user's cache folder, as XDG says (and macOS/Windows conventions where they apply). */
export function defaultCacheDir(env: Record<string, string | undefined>, home: string): string {
  if (env.XDG_CACHE_HOME) return path.join(env.XDG_CACHE_HOME, "jenga");
  if (env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, "jenga", "Cache");
  return path.join(home, ".cache", "jenga");
}
