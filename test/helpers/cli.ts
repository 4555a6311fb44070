import { type ChildProcess, spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { runCli } from "../../src/cli/run-cli.js";

export const binary = path.resolve(import.meta.dirname, "../../.build/cli/main.js");
export const fixtures = path.resolve(import.meta.dirname, "../fixtures");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The OSV API's stand-in: every request is refused at once with a 403, as a proxy that blocks
 * the host would answer, so advisories are unavailable and the gate fails closed on them.
 * A closed port is not enough: a refused connection is retried with backoff, ~3 s a run.
 * Unreferenced: it never keeps a test process alive.
 */
async function startUnavailableOsv(): Promise<string> {
  const server = createServer((_req, res) => {
    res.writeHead(403, { "content-type": "text/plain", connection: "close" }).end("blocked\n");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  server.unref();
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

const unavailableOsvUrl = await startUnavailableOsv();

interface RunOptions {
  cwd: string;
  home: string;
  env?: Record<string, string>;
}

/**
 * The whole environment a test run sees: no user npm config, no colour, a private HOME and
 * cache, and no way to the network (OSV, GitHub, git remotes all point at nothing).
 */
export function jengaEnv(options: { home: string; env?: Record<string, string> }) {
  return {
    PATH: process.env.PATH ?? "",
    HOME: options.home,
    NO_COLOR: "1",
    // The user's and the machine's npm config must not leak into tests.
    npm_config_userconfig: path.join(options.home, ".npmrc"),
    npm_config_globalconfig: path.join(options.home, "global-npmrc"),
    XDG_CACHE_HOME: path.join(options.home, ".cache"),
    // The OSV API is unavailable in tests, at once.
    JENGA_OSV_URL: unavailableOsvUrl,
    JENGA_GITHUB_API_URL: "http://127.0.0.1:9/",
    // Nor the user's git config; and every https repository maps to a missing local folder,
    // so the git collector fails fast instead of reaching the network.
    GIT_CONFIG_GLOBAL: path.join(options.home, ".gitconfig"),
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_COUNT: "1",
    GIT_CONFIG_KEY_0: `url.${path.join(options.home, "no-network")}/.insteadOf`,
    GIT_CONFIG_VALUE_0: "https://",
    ...options.env,
  };
}

/** A stand-in for stdout or stderr that keeps what was written: a pipe, not a terminal. */
function capturedStream() {
  const chunks: string[] = [];
  const stream = new Writable({
    decodeStrings: false,
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join("") };
}

/**
 * Runs a jenga command in this process, as the binary would run it: runCli with the
 * environment of jengaEnv, the given cwd, and captured stdout and stderr. The CLI reads
 * env, cwd and its streams from io only (a lint rule keeps process out of the rest).
 */
export async function runJenga(args: string[], options: RunOptions): Promise<CliRun> {
  const stdout = capturedStream();
  const stderr = capturedStream();
  const code = await runCli(args, {
    env: jengaEnv(options),
    cwd: options.cwd,
    stdout: stdout.stream,
    stderr: stderr.stream,
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** Runs the built binary in a child process: only for the end-to-end tests. */
export function runJengaBinary(args: string[], options: RunOptions): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawnJenga(args, options);
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (d) => {
      stdout += d;
    });
    child.stderr?.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

export function spawnJenga(args: string[], options: RunOptions): ChildProcess {
  return spawn(process.execPath, [binary, ...args], {
    cwd: options.cwd,
    env: jengaEnv(options),
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** A throwaway copy of a fixture project whose .npmrc points at `registry`. */
export async function projectCopy(
  fixture: string,
  registry: string,
  npmrcExtra = "",
): Promise<{ dir: string; home: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(path.join(os.tmpdir(), "jenga-cli-"));
  const dir = path.join(root, "project");
  const home = path.join(root, "home");
  await cp(path.join(fixtures, fixture), dir, { recursive: true });
  await writeFile(path.join(dir, ".npmrc"), `registry=${registry}\n${npmrcExtra}`);
  await mkdir(home, { recursive: true });
  await writeFile(path.join(home, ".npmrc"), "");
  return { dir, home, cleanup: () => rm(root, { recursive: true, force: true }) };
}
