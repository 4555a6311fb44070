import { spawn, spawnSync } from "node:child_process";
import { createInterface } from "node:readline";

/**
 * Runs one read-only git command over a local repository and streams its
 * stdout line by line: a history of 100,000 commits is never held in memory
 * as one string. The process is killed when it outlives `timeoutMs`.
 */

export interface GitProcessOptions {
  gitDir: string;
  env: Record<string, string | undefined>;
  timeoutMs: number;
  onLine: (line: string) => void;
  /** Extra `key=value` settings for this command only. */
  config?: string[];
  /** Written to the process's stdin (object names for `cat-file --batch-check`). */
  stdin?: string;
}

export class GitTimeoutError extends Error {
  constructor(
    readonly seconds: number,
    inactivity = false,
  ) {
    super(inactivity ? `made no progress for ${seconds}s` : `git timed out after ${seconds}s`);
  }
}

/** Keep only the end of stderr: enough to say why, never a flood from a hostile repository. */
const maxStderrChars = 2000;

/** Settings that make output parseable and reads local-only, whatever the user's config says. */
const readConfig = [
  "-c",
  "core.quotePath=true",
  "-c",
  "log.showSignature=false",
  "-c",
  "core.fsmonitor=false",
  "-c",
  "core.hooksPath=/dev/null",
];

/** Reading a local clone: never the network, whatever git version and configuration. */
const offlineEnv = {
  GIT_TERMINAL_PROMPT: "0",
  // Reading history must never reach the network (git 2.44+ honours this).
  GIT_NO_LAZY_FETCH: "1",
  // Older git lazily fetches a missing blob through a transport: allow none, so it fails fast.
  GIT_ALLOW_PROTOCOL: "none",
  GIT_OPTIONAL_LOCKS: "0",
};

export function streamGit(args: string[], options: GitProcessOptions): Promise<void> {
  return runGit(args, {
    ...options,
    env: { ...options.env, ...offlineEnv },
  });
}

/**
 * Like streamGit (local only, killed after `timeoutMs`), for output that is not lines:
 * `cat-file --batch` prints file contents. `stdin` is written to the process (object ids).
 */
export function streamGitBytes(
  args: string[],
  options: Omit<GitProcessOptions, "onLine"> & { stdin: string; onData: (chunk: Buffer) => void },
): Promise<void> {
  return runGit(args, {
    ...options,
    env: { ...options.env, ...offlineEnv },
  });
}

/**
 * The one git command allowed to reach the network outside cloning: a fetch of named
 * objects into an existing clone, with `env` exactly as the caller built it (the clone
 * step's: no prompts, batch-mode ssh). Stopped by `signal` as well as after `timeoutMs`.
 */
/** A git command that talks to a remote: clone, fetch. */
export interface NetworkGitOptions {
  /** The repository; null for `clone`, which names its own destination. */
  gitDir: string | null;
  /** Where the process runs (clone's destination is relative to it). */
  cwd?: string;
  env: Record<string, string>;
  /** Killed after this long without a byte of output (git prints progress while it transfers). */
  timeoutMs: number;
  /** Killed after this long in any case, by a wrapper that outlives jenga (see deadlineArgs). */
  deadlineMs: number;
  stdin?: string;
  signal: AbortSignal;
  config: string[];
  /** stdout's bytes; absent: discarded. */
  onData?: (chunk: Buffer) => void;
}

/** The user's git configuration (`git config --get-regexp …`), read outside any repository. */
export function readUserConfig(
  args: string[],
  options: {
    env: Record<string, string | undefined>;
    timeoutMs: number;
    onLine: (line: string) => void;
  },
): Promise<void> {
  return runGit(["config", ...args], { ...options, gitDir: null });
}

/** A clone or fetch, measured by inactivity (no byte, no progress), not by time spent. */
export function networkGit(args: string[], options: NetworkGitOptions): Promise<void> {
  return runGit(args, { ...options, inactivity: true });
}

interface RunOptions {
  gitDir: string | null;
  cwd?: string;
  env: Record<string, string | undefined>;
  timeoutMs: number;
  /** timeoutMs counts from the last byte of output instead of from the start. */
  inactivity?: boolean;
  /** The wrapper's limit; by default timeoutMs and a little more. */
  deadlineMs?: number;
  config?: string[];
  stdin?: string;
  signal?: AbortSignal;
  /** Lines of stdout, or its raw bytes; neither: stdout is discarded. */
  onLine?: (line: string) => void;
  onData?: (chunk: Buffer) => void;
}

/** Seconds between the wrapper's polite signal and its SIGKILL. */
const killAfterSeconds = 2;

let timeoutCommand: boolean | undefined;

/**
 * Every git process runs under coreutils' `timeout`, when there is one: it holds git's time
 * limit in a process of its own, so a git left behind by a killed jenga (kill -9, an OOM
 * kill, a CI job cancelled) still ends at its deadline instead of running unbounded. jenga
 * stops it earlier by signalling the wrapper, which passes the signal on to git.
 */
function deadlineArgs(deadlineMs: number): string[] | null {
  timeoutCommand ??= spawnSync("timeout", ["--version"], { stdio: "ignore" }).status === 0;
  if (!timeoutCommand) return null;
  // Not --foreground: then a stop would reach git but not its transport helper
  // (git-remote-https), which holds the pipes open. A Ctrl-C that ends jenga leaves git to
  // die on its next write to the closed pipe, at the low-speed limit, or at the deadline.
  return [`--kill-after=${killAfterSeconds}`, `${Math.max(1, Math.ceil(deadlineMs / 1000))}s`];
}

function runGit(args: string[], options: RunOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const gitArgs = [
      ...readConfig,
      ...(options.config ?? []).flatMap((setting) => ["-c", setting]),
      ...(options.gitDir === null ? [] : ["--git-dir", options.gitDir]),
      "--literal-pathspecs",
      ...args,
    ];
    // Local reads get their own limit plus a margin: jenga's timer is the one that reports.
    const wrapper = deadlineArgs(options.deadlineMs ?? options.timeoutMs + 5_000);
    const child = spawn(
      wrapper ? "timeout" : "git",
      wrapper ? [...wrapper, "git", ...gitArgs] : gitArgs,
      {
        env: options.env,
        stdio: ["pipe", "pipe", "pipe"],
        ...(options.cwd ? { cwd: options.cwd } : {}),
      },
    );
    let stderr = "";
    let timedOut = false;
    // The wrapper passes SIGTERM on to git (and follows with SIGKILL); killing the wrapper
    // outright would leave git running.
    const kill = () => child.kill(wrapper ? "SIGTERM" : "SIGKILL");
    const onTimeout = () => {
      timedOut = true;
      kill();
    };
    let timer = setTimeout(onTimeout, options.timeoutMs);
    const active = () => {
      if (!options.inactivity || timedOut) return;
      clearTimeout(timer);
      timer = setTimeout(onTimeout, options.timeoutMs);
    };
    child.stdout.on("data", active);
    child.stderr.on("data", active);
    options.signal?.addEventListener("abort", kill, { once: true });
    // A process killed early closes its stdin: that is reported by "close", not as an error here.
    child.stdin.on("error", () => undefined);
    child.stdin.end(options.stdin ?? "");
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-maxStderrChars);
    });
    let failed: unknown = null;
    const guard =
      <T>(handle: ((value: T) => void) | undefined) =>
      (value: T) => {
        if (failed || !handle) return;
        try {
          handle(value);
        } catch (error) {
          failed = error;
          kill();
        }
      };
    if (options.onLine)
      createInterface({ input: child.stdout, crlfDelay: Number.POSITIVE_INFINITY }).on(
        "line",
        guard(options.onLine),
      );
    else child.stdout.on("data", guard(options.onData));
    const done = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", kill);
    };
    child.on("error", (error) => {
      done();
      reject(error);
    });
    child.on("close", (code) => {
      done();
      if (timedOut)
        reject(new GitTimeoutError(Math.round(options.timeoutMs / 1000), options.inactivity));
      else if (failed) reject(failed);
      // 124: the wrapper's deadline passed (137 when git then needed its SIGKILL).
      else if (wrapper && (code === 124 || code === 137) && !options.signal?.aborted)
        reject(new Error(`git ran past its deadline of ${wrapper[1]}`));
      // A network command's whole stderr tail: its `fatal:` line is not always the last one.
      else if (code !== 0)
        reject(
          new Error((options.inactivity ? stderr : lastLine(stderr)) || `git exited with ${code}`),
        );
      else resolve();
    });
  });
}

function lastLine(text: string): string {
  const lines = text.trim().split("\n");
  return (lines[lines.length - 1] ?? "").replace(/[^\x20-\x7e]/g, "?").slice(0, 200);
}
