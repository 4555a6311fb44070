import { spawn, spawnSync } from "node:child_process";
import { mkdir, readdir, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiskCache } from "../../src/cache/disk-cache.js";
import { createGitCollector } from "../../src/collectors/git/collect-git.js";
import { ownedTemporaryName } from "../../src/collectors/git/stale-clones.js";
import { type GitSandbox, gitSandbox } from "../collectors/helpers/git-repo.js";
import { now } from "../helpers/evidence.js";

// Issue 15 item 11: `.tmp-*` partial clones left by a killed run stayed in the cache forever.
// A run now removes, before its first clone, the partial clones whose owner (pid and start
// time, in the folder's name) is gone; a live run's are never touched.

let sandbox: GitSandbox;
let url: string;
const sleeper = spawn("sleep", ["60"], { stdio: "ignore" });
const sleeperStart = Math.round(Date.now() / 1000);

beforeAll(async () => {
  sandbox = await gitSandbox();
  url = await sandbox.repo("acme/fresh", [
    { author: "Ana <ana@example.com>", date: "2025-01-01T00:00:00Z", message: "one" },
  ]);
});
afterAll(async () => {
  sleeper.kill("SIGKILL");
  await sandbox.cleanup();
});

/** A process id that no longer runs. */
function deadPid(): number {
  const child = spawnSync("sh", ["-c", "echo $$"], { encoding: "utf8" });
  return Number(child.stdout.trim());
}

describe("partial clones left by a killed run", () => {
  it("are removed at start when their owner is gone, and kept while it runs", async () => {
    const cacheDir = path.join(sandbox.root, "cache");
    const cache = createDiskCache({ dir: cacheDir, mode: "normal", now: () => now });
    const repos = path.join(cache.dir, "git-repos");
    await mkdir(repos, { recursive: true });
    const old = Date.now() / 1000 - 2 * 86_400;
    const entries = {
      dead: `a.git.tmp-${deadPid()}-${sleeperStart - 100}-0a0b0c0d`,
      reused: `b.git.tmp-${sleeper.pid}-${sleeperStart - 5_000}-0a0b0c0d`,
      otherLive: `c.git.tmp-${sleeper.pid}-${sleeperStart}-0a0b0c0d`,
      ownLive: path.basename(ownedTemporaryName(path.join(repos, "d.git"))),
      legacyOld: "e.git.tmp-0123456789ab",
      legacyNew: "f.git.tmp-ba9876543210",
      clone: "g.git",
    };
    for (const name of Object.values(entries)) {
      await mkdir(path.join(repos, name, "objects"), { recursive: true });
      await writeFile(path.join(repos, name, "objects", "pack-partial"), "x".repeat(1000));
    }
    await utimes(path.join(repos, entries.legacyOld), old, old);

    const git = createGitCollector({
      cache,
      now: () => now,
      env: sandbox.env,
      concurrency: 2,
      offline: false,
    });
    expect((await git.collect({ url, directory: null })).status).toBe("ok");
    const left = await readdir(repos);
    for (const gone of [entries.dead, entries.reused, entries.legacyOld])
      expect(left).not.toContain(gone);
    for (const kept of [entries.otherLive, entries.ownLive, entries.legacyNew, entries.clone])
      expect(left).toContain(kept);
  });
});
