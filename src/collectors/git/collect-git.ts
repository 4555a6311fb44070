import { mkdir, stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import pLimit from "p-limit";
import { gitShape } from "../../cache/cached-shapes.js";
import { type Cache, cacheFileName, isFresh } from "../../cache/disk-cache.js";
import { cacheTtlMs } from "../../cache/ttl.js";
import { type Evidence, missingEvidence, okEvidence } from "../types.js";
import {
  type BlobFetchOptions,
  type BlobFetchOutcome,
  type CloneOptions,
  type CloneOutcome,
  cloneOrFetch,
  fetchSourceBlobs,
} from "./git-clone.js";
import { type HistoryOptions, readGitHistories, readGitHistory } from "./git-log.js";
import { defaultGitLimits, type GitLimits } from "./limits.js";
import { hostOfRepoUrl, isPrivateHost } from "./private-host.js";
import { safeRepoUrl } from "./safe-repo-url.js";
import { removeStaleClones } from "./stale-clones.js";
import type { GitEvidence } from "./types.js";
import { insteadOfPrefixes, isRewritten } from "./url-rewrites.js";

/** The git operations, behind an interface so tests can prove when git is (not) run. */
export interface GitRunner {
  cloneOrFetch(url: string, gitDir: string, options: CloneOptions): Promise<CloneOutcome>;
  /** Online, after a successful clone or fetch: HEAD's source contents under the folder. Absent: never fetched. */
  fetchSourceBlobs?(
    gitDir: string,
    directory: string | null,
    options: BlobFetchOptions,
  ): Promise<BlobFetchOutcome>;
  readHistory(gitDir: string, target: GitTarget, options: HistoryOptions): Promise<GitEvidence>;
  /** Several folders of one repository in one history pass. Absent: readHistory per folder. */
  readHistories?(
    gitDir: string,
    url: string,
    directories: readonly (string | null)[],
    options: HistoryOptions,
  ): Promise<Map<string | null, GitEvidence>>;
}

export const systemGit: GitRunner = {
  cloneOrFetch,
  fetchSourceBlobs,
  readHistory: readGitHistory,
  readHistories: readGitHistories,
};

export interface GitTarget {
  /** A repository URL from package metadata: untrusted until safeRepoUrl accepts it. */
  url: string;
  /** Monorepo folder of the package, or null for the whole repository. */
  directory: string | null;
}

export interface GitContext {
  cache: Cache;
  now: () => Date;
  env: Record<string, string | undefined>;
  /** Clones and history reads running at once (the run's --concurrency). */
  concurrency: number;
  /** Never touch the network: cached evidence, else an existing clone, else "offline: not in cache". */
  offline: boolean;
  runner?: GitRunner;
  limits?: Partial<GitLimits>;
  /** Private hosts repository URLs from package metadata may name (the config's `git.allowHosts`). */
  allowHosts?: readonly string[];
  /** The machine's cores (default: os.availableParallelism()), which bound the git processes at once. */
  cores?: number;
}

/** git processes at once per core: clones wait on the network as much as they use a core. */
const gitSlotsPerCore = 2;

export interface GitCollector {
  collect(target: GitTarget): Promise<Evidence<GitEvidence>>;
  /**
   * Optional: every target the run will ask for, before it asks. A monorepo's folders
   * are then read in one pass even when the caller asks for them a few at a time.
   */
  expect(targets: readonly GitTarget[]): void;
}

/** One folder's history read, with how fetching its contents went (null: not fetched, offline). */
interface FolderRead {
  evidence: GitEvidence;
  blobs: BlobFetchOutcome | null;
}

/**
 * Git evidence per (repository, folder), cache-first: within the TTL no git
 * process runs at all; after it, the existing clone is fetched, not cloned
 * again. A repository shared by several packages is cloned or fetched once
 * per run. Never throws: every failure becomes the package's git status.
 */
export function createGitCollector(ctx: GitContext): GitCollector {
  const runner = ctx.runner ?? systemGit;
  const limits = { ...defaultGitLimits, ...ctx.limits };
  // Sized to the machine as well as to --concurrency: 16 clones on 2 cores made each of them
  // slow enough to reach a time limit that one alone stays far from.
  const limit = pLimit(
    Math.max(1, Math.min(ctx.concurrency, gitSlotsPerCore * (ctx.cores ?? availableParallelism()))),
  );
  // Partial clones a killed run left behind go before this run's first clone.
  let staleRemoved: Promise<unknown> | null = null;
  const removeStale = () => {
    staleRemoved ??= removeStaleClones(
      path.join(ctx.cache.dir, "git-repos"),
      limits.cloneDeadlineMs,
    );
    return staleRemoved;
  };
  const allowedHosts = new Set((ctx.allowHosts ?? []).map(hostOfAllowEntry));
  // Read once, and only when a private address comes up.
  let rewrites: Promise<string[]> | undefined;
  const clones = new Map<string, Promise<CloneOutcome>>();
  // The first clone from each host runs alone: if the host is unreachable (no network, a
  // firewall), every other repository there gets that answer at once instead of its own timeout.
  const hostProbes = new Map<string, Promise<CloneOutcome>>();
  const repoDir = (url: string) =>
    path.join(ctx.cache.dir, "git-repos", cacheFileName(url).replace(/\.json$/, ".git"));

  const cloneAfterProbe = async (url: string): Promise<CloneOutcome> => {
    const host = hostOf(url);
    const probe = hostProbes.get(host);
    if (!probe) {
      const first = cloneNow(url);
      hostProbes.set(host, first);
      return first;
    }
    const outcome = await probe;
    if (!outcome.ok && hostUnreachable.test(outcome.status)) return outcome;
    return cloneNow(url);
  };

  const cloneLimits = {
    timeoutMs: limits.cloneTimeoutMs,
    deadlineMs: limits.cloneDeadlineMs,
    maxBytes: limits.maxCloneBytes,
  };
  const cloneNow = (url: string): Promise<CloneOutcome> =>
    limit(async () => {
      await removeStale();
      return runner
        .cloneOrFetch(url, repoDir(url), { env: ctx.env, limits: cloneLimits })
        .catch((error: unknown) => ({
          ok: false as const,
          status: `unavailable: ${message(error)}`,
        }));
    });

  const ensureClone = (url: string): Promise<CloneOutcome> => {
    let pending = clones.get(url);
    if (!pending) {
      pending = cloneAfterProbe(url);
      clones.set(url, pending);
    }
    return pending;
  };

  const fetchBlobs = (url: string, directory: string | null): Promise<BlobFetchOutcome> => {
    const fetch = runner.fetchSourceBlobs;
    if (!fetch) return Promise.resolve({ ok: false, status: "contents not fetched" });
    return fetch
      .call(runner, repoDir(url), directory, {
        env: ctx.env,
        limits: cloneLimits,
        maxFiles: limits.maxSourceFiles,
      })
      .catch((error: unknown) => ({
        ok: false as const,
        status: `contents not fetched: ${message(error)}`,
      }));
  };

  const historyOptions = () => ({ env: ctx.env, timeoutMs: limits.historyTimeoutMs });
  const readHistories = async (url: string, folders: (string | null)[]) => {
    if (runner.readHistories)
      return runner.readHistories(repoDir(url), url, folders, historyOptions());
    const read = new Map<string | null, GitEvidence>();
    for (const directory of folders)
      read.set(
        directory,
        await runner.readHistory(repoDir(url), { url, directory }, historyOptions()),
      );
    return read;
  };

  // A monorepo's folders are read together: one history pass per repository, however many
  // packages live in it. Requests for one repository that arrive before its read starts join
  // it, and so do the folders announced by expect(); each folder's read is kept for the run
  // (packages that share a repository and folder share it).
  const expected = new Map<string, Set<string | null>>();
  const reads = new Map<string, Promise<FolderRead>>();
  const waiting = new Map<string, { folders: Set<string | null>; started: Promise<void> }>();
  const readKey = (url: string, online: boolean, directory: string | null) =>
    `${online ? "online" : "local"}\n${url}\n${directory ?? ""}`;

  /** One pass over the repository for the waiting folders; the contents of each are fetched first. */
  const startBatch = (url: string, online: boolean, requested: Set<string | null>) =>
    limit(async () => {
      waiting.delete(`${online ? "online" : "local"}\n${url}`);
      const folders = new Set(requested);
      for (const folder of expected.get(url) ?? []) {
        const key = readKey(url, online, folder);
        if (!reads.has(key)) folders.add(folder);
      }
      const list = [...folders];
      const run = (async () => {
        const blobs = new Map<string | null, BlobFetchOutcome>();
        // Not fatal: without the contents, size and lines stay unknown with a note.
        if (online) for (const folder of list) blobs.set(folder, await fetchBlobs(url, folder));
        const read = await readHistories(url, list);
        return { read, blobs };
      })();
      for (const folder of list) {
        const read = run.then(({ read, blobs }) => {
          const evidence = read.get(folder);
          if (!evidence) throw new Error("git: the folder was not read");
          return { evidence, blobs: blobs.get(folder) ?? null };
        });
        // A folder announced but never asked for must not be an unhandled rejection.
        read.catch(() => undefined);
        reads.set(readKey(url, online, folder), read);
      }
      await run.catch(() => undefined);
    });

  const readFolder = async (url: string, directory: string | null, online: boolean) => {
    const key = readKey(url, online, directory);
    const ready = reads.get(key);
    if (ready) return ready;
    const batchKey = `${online ? "online" : "local"}\n${url}`;
    let batch = waiting.get(batchKey);
    if (!batch) {
      const folders = new Set<string | null>();
      // The next turn of the event loop: siblings waiting on the same clone join this read.
      const started = new Promise<void>((resolve) =>
        setImmediate(() => void startBatch(url, online, folders).finally(resolve)),
      );
      batch = { folders, started };
      waiting.set(batchKey, batch);
    }
    batch.folders.add(directory);
    await batch.started;
    const read = reads.get(key);
    if (!read) throw new Error("git: the folder was not read");
    return read;
  };

  return {
    expect(targets) {
      for (const target of targets) {
        const safe = safeRepoUrl(target.url);
        if (!safe.ok) continue;
        const folders = expected.get(safe.url) ?? new Set();
        folders.add(target.directory);
        expected.set(safe.url, folders);
      }
    },
    async collect(target) {
      const safe = safeRepoUrl(target.url);
      if (!safe.ok) return missingEvidence("git", `unavailable: ${safe.why}`);
      const url = safe.url;
      const host = hostOfRepoUrl(url);
      if (host && isPrivateHost(host) && !allowedHosts.has(host)) {
        rewrites ??= insteadOfPrefixes(ctx.env);
        if (!isRewritten(url, await rewrites))
          return missingEvidence("git", `skipped: private address ${host} (see git.allowHosts)`);
      }
      const key = `${url}#${target.directory ?? ""}`;
      const entry = await ctx.cache.read<GitEvidence>("git", key, gitShape);
      if (entry && (ctx.offline || isFresh(entry, cacheTtlMs.git, ctx.now())))
        return okEvidence("git", entry.value, entry.storedAt, true);
      const hasClone = await exists(path.join(repoDir(url), "HEAD"));
      if (ctx.offline && !hasClone) return missingEvidence("git", "offline: not in cache");

      let fromCache = true;
      if (!ctx.offline) {
        await mkdirFor(repoDir(url));
        const cloned = await ensureClone(url);
        if (!cloned.ok) {
          // Stale evidence, or a stale clone, beats none; it says how old it is.
          if (entry) return okEvidence("git", entry.value, entry.storedAt, true);
          if (!hasClone) return missingEvidence("git", cloned.status);
        } else fromCache = false;
      }
      try {
        const { evidence: read, blobs } = await readFolder(url, target.directory, !fromCache);
        // An empty advertisement (an empty repository, or a server that answers nothing
        // useful) clones "successfully" into nothing: no history was read, so nothing is
        // known and nothing is cached; a later run asks again.
        if (read.head === null)
          return missingEvidence("git", "unavailable: the repository has no commits");
        const evidence =
          read.sourceBytes === null && blobs && !blobs.ok
            ? { ...read, sourceNote: blobs.status }
            : read;
        const fetchedAt = ctx.now().toISOString();
        if (!ctx.offline) await ctx.cache.write("git", key, evidence);
        return okEvidence("git", evidence, fetchedAt, fromCache);
      } catch (error) {
        return missingEvidence("git", `unavailable: ${message(error)}`);
      }
    },
  };
}

/** An allow-list entry as hostOfRepoUrl spells hosts: `[::1]`, `Mirror.Local.` and `mirror.local` alike. */
function hostOfAllowEntry(entry: string): string {
  return entry
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "");
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function mkdirFor(dir: string): Promise<void> {
  await mkdir(path.dirname(dir), { recursive: true });
}

/** Failures that say the host, not the repository, is out of reach (curl's and ssh's wording). */
const hostUnreachable =
  /could not resolve host|failed to connect|connection refused|connection timed out|operation timed out|network is unreachable|no route to host/i;

/** The host of an https, ssh, git or scp-like URL (already checked by safeRepoUrl). */
export function hostOf(url: string): string {
  const match = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^@/]+@)?([^/:]+)/i.exec(url);
  return (match?.[1] ?? url).toLowerCase();
}

function message(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/[^\x20-\x7e]/g, "?").slice(0, 200);
}
