import { spawn } from "node:child_process";
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
  constructor(readonly seconds: number) {
    super(`git timed out after ${seconds}s`);
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
export function fetchGit(
  args: string[],
  options: {
    gitDir: string;
    env: Record<string, string>;
    timeoutMs: number;
    stdin: string;
    signal: AbortSignal;
    config: string[];
  },
): Promise<void> {
  return runGit(args, options);
}

interface RunOptions {
  gitDir: string;
  env: Record<string, string | undefined>;
  timeoutMs: number;
  config?: string[];
  stdin?: string;
  signal?: AbortSignal;
  /** Lines of stdout, or its raw bytes; neither: stdout is discarded. */
  onLine?: (line: string) => void;
  onData?: (chunk: Buffer) => void;
}

function runGit(args: string[], options: RunOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      "git",
      [
        ...readConfig,
        ...(options.config ?? []).flatMap((setting) => ["-c", setting]),
        "--git-dir",
        options.gitDir,
        "--literal-pathspecs",
        ...args,
      ],
      {
        env: options.env,
        stdio: ["pipe", "pipe", "pipe"],
      },
    );
    let stderr = "";
    let timedOut = false;
    const kill = () => child.kill("SIGKILL");
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, options.timeoutMs);
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
      if (timedOut) reject(new GitTimeoutError(Math.round(options.timeoutMs / 1000)));
      else if (failed) reject(failed);
      else if (code !== 0) reject(new Error(lastLine(stderr) || `git exited with ${code}`));
      else resolve();
    });
  });
}

function lastLine(text: string): string {
  const lines = text.trim().split("\n");
  return (lines[lines.length - 1] ?? "").replace(/[^\x20-\x7e]/g, "?").slice(0, 200);
}
