import { randomBytes } from "node:crypto";
import { readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { simpleGit } from "simple-git";
import { folderSize, watchFolderSize } from "./clone-size-watch.js";
import { headReadme, headSourceBlobs, missingBlobs } from "./git-blobs.js";
import { mailmapFileName } from "./git-log.js";
import { fetchGit } from "./git-process.js";

/**
 * Brings a repository into a local bare, blobless, single-branch clone, or
 * fetches what is new into an existing one, with simple-git over the system
 * git. The URL has already passed safeRepoUrl; this layer adds what git
 * itself can enforce: no hooks, no ext:: transport, no prompts, no LFS, a
 * time limit (the process is killed) and a size limit.
 */

export interface CloneLimits {
  timeoutMs: number;
  maxBytes: number;
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

export async function cloneOrFetch(
  url: string,
  gitDir: string,
  options: CloneOptions,
): Promise<CloneOutcome> {
  const exists = await stat(path.join(gitDir, "HEAD")).then(
    () => true,
    () => false,
  );
  const work = exists ? gitDir : `${gitDir}.tmp-${randomBytes(6).toString("hex")}`;
  const outcome = await guarded(work, options, async (git) => {
    if (exists) {
      const branch = (await git.raw(["--git-dir", work, "symbolic-ref", "HEAD"])).trim();
      await git.raw([
        "--git-dir",
        work,
        "fetch",
        "--filter=blob:none",
        "--update-head-ok",
        "--no-recurse-submodules",
        "origin",
        `+HEAD:${branch}`,
      ]);
    } else {
      await git.clone(url, work, ["--bare", "--single-branch", "--filter=blob:none"]);
    }
    await copyMailmap(git, work);
  });
  if (!exists) {
    if (outcome.ok) await rename(work, gitDir);
    else await rm(work, { recursive: true, force: true });
  }
  return outcome.ok ? { ok: true, fresh: !exists } : outcome;
}

type Git = ReturnType<typeof simpleGit>;

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
    (_git, { env, signal }) =>
      fetchGit(
        [
          "fetch",
          "--no-tags",
          "--no-write-fetch-head",
          "--recurse-submodules=no",
          "--filter=blob:none",
          "--stdin",
          "origin",
        ],
        {
          gitDir,
          env,
          signal,
          timeoutMs: options.limits.timeoutMs,
          stdin: `${missing.join("\n")}\n`,
          // Send no "have" lines: the wanted objects are named, there is nothing to negotiate.
          config: [...safeConfig, "fetch.negotiationAlgorithm=noop"],
        },
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
  task: (git: Git, run: { env: Record<string, string>; signal: AbortSignal }) => Promise<void>,
  what = "clone",
): Promise<{ ok: true } | { ok: false; status: string }> {
  const controller = new AbortController();
  let why: string | null = null;
  const stop = (reason: string) => {
    why ??= reason;
    controller.abort();
  };
  const seconds = Math.round(options.limits.timeoutMs / 1000);
  const timer = setTimeout(
    () => stop(`${what} timed out after ${seconds}s`),
    options.limits.timeoutMs,
  );
  const overSize = `repository over the size limit (${Math.ceil(options.limits.maxBytes / 1048576)} MB)`;
  const watch = watchFolderSize(work, {
    maxBytes: options.limits.maxBytes,
    onOver: () => stop(overSize),
    pollMs: sizePollMs,
  });
  try {
    const env = gitEnv(options.env);
    const git = simpleGit({
      baseDir: path.dirname(work),
      // The environment is the user's own (their git config, proxies, ssh agent) plus jenga's constants.
      allowEnvironment: Object.keys(env),
      abort: controller.signal,
      config: safeConfig,
      // These settings are jenga's own constants or come from the user's environment, never from metadata.
      unsafe: {
        allowUnsafeHooksPath: true,
        allowUnsafeProtocolOverride: true,
        allowUnsafeConfigPaths: true,
        allowUnsafeConfigEnvCount: true,
        allowUnsafeSshCommand: true,
        allowUnsafeAskPass: true,
        allowUnsafeEditor: true,
        allowUnsafePager: true,
        allowUnsafeGitProxy: true,
        allowUnsafeFsMonitor: true,
      },
    }).env(env);
    await task(git, { env, signal: controller.signal });
    // A clone faster than one poll is measured once more at the end, after the watch's last walk.
    await watch.stop();
    if ((await folderSize(work)) > options.limits.maxBytes) stop(overSize);
    if (why) return { ok: false, status: `unavailable: ${why}` };
    return { ok: true };
  } catch (error) {
    return { ok: false, status: `unavailable: ${why ?? describe(error)}` };
  } finally {
    clearTimeout(timer);
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
    // ssh must fail rather than ask for a password or a host key.
    GIT_SSH_COMMAND: env.GIT_SSH_COMMAND ?? "ssh -o BatchMode=yes",
  };
}

/** Copies .mailmap out of HEAD while online, so reading history never needs a lazy fetch. */
async function copyMailmap(git: Git, gitDir: string): Promise<void> {
  const text = await git
    .raw(["--git-dir", gitDir, "cat-file", "blob", "HEAD:.mailmap"])
    .catch(() => "");
  await writeFile(path.join(gitDir, mailmapFileName), text, { mode: 0o600 });
}

/** One short line from git's error: the last line of stderr, printable characters only. */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message
    .split("\n")
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
