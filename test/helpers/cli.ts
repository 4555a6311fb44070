import { type ChildProcess, spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export const binary = path.resolve(import.meta.dirname, "../../.build/cli/main.js");
export const fixtures = path.resolve(import.meta.dirname, "../fixtures");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI with a minimal environment: no user npm config, no colour, a private HOME. */
export function runJenga(
  args: string[],
  options: { cwd: string; home: string; env?: Record<string, string> },
): Promise<CliRun> {
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

export function spawnJenga(
  args: string[],
  options: { cwd: string; home: string; env?: Record<string, string> },
): ChildProcess {
  return spawn(process.execPath, [binary, ...args], {
    cwd: options.cwd,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: options.home,
      NO_COLOR: "1",
      // The user's and the machine's npm config must not leak into tests.
      npm_config_userconfig: path.join(options.home, ".npmrc"),
      npm_config_globalconfig: path.join(options.home, "global-npmrc"),
      XDG_CACHE_HOME: path.join(options.home, ".cache"),
      // The OSV API is unreachable in tests: point it at a closed local port so it fails at once.
      JENGA_OSV_URL: "http://127.0.0.1:9/",
      JENGA_GITHUB_API_URL: "http://127.0.0.1:9/",
      // Nor the user's git config; and every https repository maps to a missing local folder,
      // so the git collector fails fast instead of reaching the network.
      GIT_CONFIG_GLOBAL: path.join(options.home, ".gitconfig"),
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_CONFIG_COUNT: "1",
      GIT_CONFIG_KEY_0: `url.${path.join(options.home, "no-network")}/.insteadOf`,
      GIT_CONFIG_VALUE_0: "https://",
      ...options.env,
    },
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
