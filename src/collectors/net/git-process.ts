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

export function streamGit(args: string[], options: GitProcessOptions): Promise<void> {
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
        env: {
          ...options.env,
          GIT_TERMINAL_PROMPT: "0",
          // Reading history must never reach the network (git 2.44+ honours this).
          GIT_NO_LAZY_FETCH: "1",
          // Older git lazily fetches a missing blob through a transport: allow none, so it fails fast.
          GIT_ALLOW_PROTOCOL: "none",
          GIT_OPTIONAL_LOCKS: "0",
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stderr = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, options.timeoutMs);
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-maxStderrChars);
    });
    const lines = createInterface({ input: child.stdout, crlfDelay: Number.POSITIVE_INFINITY });
    let failed: unknown = null;
    lines.on("line", (line) => {
      if (failed) return;
      try {
        options.onLine(line);
      } catch (error) {
        failed = error;
        child.kill("SIGKILL");
      }
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
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
