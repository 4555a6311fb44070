import { readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { folderSize, watchFolderSize } from "./clone-size-watch.js";
import { headReadme, headSourceBlobs, missingBlobs } from "./git-blobs.js";
import { mailmapFileName } from "./git-log.js";
import { GitTimeoutError, networkGit, streamGit } from "./git-process.js";
import { ownedTemporaryName } from "./stale-clones.js";

/**
 * Brings a repository into a local bare, blobless, single-branch clone, or
 * fetches what is new into an existing one, with the system git. The URL has
 * already passed safeRepoUrl; this layer adds what git itself can enforce:
 * no hooks, no ext:: transport, no prompts, no LFS, a size limit, and time
 * limits that hold even if jenga dies: no progress for `timeoutMs` stops it,
 * so does a transfer slower than git's low-speed limit, and a wrapper process
 * ends it at `deadlineMs` whatever happens to jenga (git-process.ts).
 */

export interface CloneLimits {
  /** Inactivity: no byte of output (git prints progress while it transfers) for this long. */
  timeoutMs: number;
  /** Hard limit per clone or fetch, enforced by a process that outlives jenga. */
  deadlineMs?: number;
  maxBytes: number;
  /** git's http.lowSpeedLimit / http.lowSpeedTime: slower than this many bytes a second for that long stops it. */
  lowSpeedBytes?: number;
  lowSpeedSeconds?: number;
}

export interface CloneOptions {
  /** The user's environment: their git config (including `insteadOf` rules), proxies, ssh agent. */
  env: Record<string, string | undefined>;
  limits: CloneLimits;
}

export type CloneOutcome = { ok: true; fresh: boolean } | { ok: false; status: string };

/** How often the clone folder is measured against the size limit, at most (see clone-size-watch.ts). */
const sizePollMs = 250;

/** Fixed settings only; the URL never reaches a `-c`. */
const safeConfig = [
  "core.hooksPath=/dev/null",
  "protocol.ext.allow=never",
  "submodule.recurse=false",
  "core.fsmonitor=false",
  "transfer.fsckObjects=false",
];

/** A stalled or trickling HTTP transfer ends in git itself, with or without jenga. */
const defaultLowSpeed = { bytes: 1000, seconds: 60 };
/** Long enough for the largest blobless clone on a slow link; only an orphan should ever meet it. */
const defaultDeadlineMs = 30 * 60_000;

export async function cloneOrFetch(
  url: string,
  gitDir: string,
  options: CloneOptions,
): Promise<CloneOutcome> {
  const exists = await stat(path.join(gitDir, "HEAD")).then(
    () => true,
    () => false,
  );
  // The temporary name records this process (pid and start time): a later run removes what a
  // killed run left, never what a live one is writing (stale-clones.ts).
  const work = exists ? gitDir : ownedTemporaryName(gitDir);
  const outcome = await guarded(work, options, async (git) => {
    if (exists) {
      let branch = "";
      await streamGit(["symbolic-ref", "HEAD"], {
        gitDir: work,
        env: git.env,
        timeoutMs: options.limits.timeoutMs,
        onLine: (line) => {
          branch = line.trim();
        },
      });
      await git.run(
        [
          "fetch",
          "--progress",
          "--filter=blob:none",
          "--update-head-ok",
          "--no-recurse-submodules",
          "origin",
          `+HEAD:${branch}`,
        ],
        work,
      );
    } else {
      await git.run(
        ["clone", "--progress", "--bare", "--single-branch", "--filter=blob:none", "--", url, work],
        null,
      );
    }
    await copyMailmap(git, work);
  });
  if (!exists) {
    if (outcome.ok) await rename(work, gitDir);
    else await rm(work, { recursive: true, force: true });
  }
  return outcome.ok ? { ok: true, fresh: !exists } : outcome;
}

/** What a guarded task runs git with: the network settings, the limits, the abort signal. */
interface NetworkRun {
  env: Record<string, string>;
  run(args: string[], gitDir: string | null, stdin?: string, config?: string[]): Promise<void>;
  /** The command's stdout. */
  read(args: string[], gitDir: string): Promise<Buffer>;
}

export interface BlobFetchOptions extends CloneOptions {
  /** More source files than this under the folder: none is fetched. */
  maxFiles: number;
}

export type BlobFetchOutcome = { ok: true; fetched: number } | { ok: false; status: string };

/**
 * Fetches the contents of HEAD's source files under `directory` that the clone lacks,
 * in one request naming them (as git's own lazy fetch of a partial clone does), under
 * the clone's time and size limits. Afterwards they are local, so reading history
 * measures their size and lines without any network; the next fetch asks only for
 * files changed since. More than `maxFiles` source files: nothing is fetched.
 */
export async function fetchSourceBlobs(
  gitDir: string,
  directory: string | null,
  options: BlobFetchOptions,
): Promise<BlobFetchOutcome> {
  const local = { gitDir, env: options.env, timeoutMs: options.limits.timeoutMs };
  let missing: string[];
  try {
    const blobs = await headSourceBlobs(local, directory);
    if (blobs.length > options.maxFiles)
      return {
        ok: false,
        status: `over ${options.maxFiles.toLocaleString("en-US")} source files, contents not fetched`,
      };
    // The README rides along in the same fetch: its notices are read from the clone when
    // the GitHub API cannot be asked.
    const readme = await headReadme(local, directory);
    missing = [...(await missingBlobs(local, readme ? [...blobs, readme.oid] : blobs))];
  } catch (error) {
    return { ok: false, status: `contents not fetched: ${describe(error)}` };
  }
  if (missing.length === 0) return { ok: true, fetched: 0 };
  const outcome = await guarded(
    gitDir,
    options,
    (git) =>
      git.run(
        [
          "fetch",
          "--progress",
          "--no-tags",
          "--no-write-fetch-head",
          "--recurse-submodules=no",
          "--filter=blob:none",
          "--stdin",
          "origin",
        ],
        gitDir,
        `${missing.join("\n")}\n`,
        // Send no "have" lines: the wanted objects are named, there is nothing to negotiate.
        ["fetch.negotiationAlgorithm=noop"],
      ),
    "fetching source files",
  );
  if (outcome.ok) return { ok: true, fetched: missing.length };
  await removeTemporaryPacks(gitDir);
  return {
    ok: false,
    status: `contents not fetched: ${outcome.status.replace(/^unavailable: /, "")}`,
  };
}

/** What a killed fetch leaves behind: git writes packs as tmp_* files and renames them when done. */
async function removeTemporaryPacks(gitDir: string): Promise<void> {
  const packs = path.join(gitDir, "objects", "pack");
  const names = await readdir(packs).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((name) => name.startsWith("tmp_"))
      .map((name) => rm(path.join(packs, name), { force: true })),
  );
}

async function guarded(
  work: string,
  options: CloneOptions,
  task: (git: NetworkRun) => Promise<void>,
  what = "clone",
): Promise<{ ok: true } | { ok: false; status: string }> {
  const controller = new AbortController();
  let why: string | null = null;
  const stop = (reason: string) => {
    why ??= reason;
    controller.abort();
  };
  const limits = options.limits;
  const overSize = `repository over the size limit (${Math.ceil(limits.maxBytes / 1048576)} MB)`;
  const watch = watchFolderSize(work, {
    maxBytes: limits.maxBytes,
    onOver: () => stop(overSize),
    pollMs: sizePollMs,
  });
  const lowSpeed = [
    `http.lowSpeedLimit=${limits.lowSpeedBytes ?? defaultLowSpeed.bytes}`,
    `http.lowSpeedTime=${limits.lowSpeedSeconds ?? defaultLowSpeed.seconds}`,
  ];
  try {
    // The environment is the user's own (their git config, proxies, ssh agent) plus jenga's constants.
    const env = gitEnv(options.env);
    const settings = {
      cwd: path.dirname(work),
      env,
      timeoutMs: limits.timeoutMs,
      deadlineMs: limits.deadlineMs ?? defaultDeadlineMs,
      signal: controller.signal,
    };
    await task({
      env,
      run: (args, gitDir, stdin, config = []) =>
        networkGit(args, {
          ...settings,
          gitDir,
          config: [...safeConfig, ...lowSpeed, ...config],
          ...(stdin === undefined ? {} : { stdin }),
        }),
      async read(args, gitDir) {
        const chunks: Buffer[] = [];
        const config = [...safeConfig, ...lowSpeed];
        await networkGit(args, { ...settings, gitDir, config, onData: (c) => chunks.push(c) });
        return Buffer.concat(chunks);
      },
    });
    // A clone faster than one poll is measured once more at the end, after the watch's last walk.
    await watch.stop();
    if ((await folderSize(work)) > limits.maxBytes) stop(overSize);
    if (why) return { ok: false, status: `unavailable: ${why}` };
    return { ok: true };
  } catch (error) {
    const timedOut = error instanceof GitTimeoutError ? `${what} ${error.message}` : null;
    return { ok: false, status: `unavailable: ${why ?? timedOut ?? describe(error)}` };
  } finally {
    await watch.stop();
  }
}

function gitEnv(env: Record<string, string | undefined>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined) result[key] = value;
  return {
    ...result,
    GIT_TERMINAL_PROMPT: "0",
    GIT_LFS_SKIP_SMUDGE: "1",
    // ssh must fail rather than ask for a password or a host key, and give up on a dead peer.
    GIT_SSH_COMMAND:
      env.GIT_SSH_COMMAND ??
      "ssh -o BatchMode=yes -o ConnectTimeout=30 -o ServerAliveInterval=15 -o ServerAliveCountMax=4",
  };
}

/** Copies .mailmap out of HEAD while online, so reading history never needs a lazy fetch. */
async function copyMailmap(git: NetworkRun, gitDir: string): Promise<void> {
  // Here, unlike while reading history, the missing .mailmap blob may be fetched.
  const text = await git
    .read(["cat-file", "blob", "HEAD:.mailmap"], gitDir)
    .catch(() => Buffer.alloc(0));
  await writeFile(path.join(gitDir, mailmapFileName), text, { mode: 0o600 });
}

/** One short line from git's error: the last line of stderr, printable characters only. */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message
    .split(/[\r\n]/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("hint:"));
  const fatal =
    lines.find((l) => l.startsWith("fatal:")) ?? lines[lines.length - 1] ?? "git failed";
  return (
    fatal
      .replace(/^fatal:\s*/, "")
      // The URL is already the package's; keeping it out makes one status per cause, not per repository.
      .replace(/^unable to access '[^']*':\s*/, "")
      .replace(/[^\x20-\x7e]/g, "?")
      .slice(0, 200)
  );
}
