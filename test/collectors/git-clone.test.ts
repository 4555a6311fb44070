import { appendFile, readdir } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiskCache } from "../../src/cache/disk-cache.js";
import {
  createGitCollector,
  type GitContext,
  type GitRunner,
  systemGit,
} from "../../src/collectors/git/collect-git.js";
import type { GitEvidence } from "../../src/collectors/git/types.js";
import { defaultPolicy } from "../../src/scoring/policy.js";
import { computeSignals } from "../../src/signals/compute-signals.js";
import { inventoryPackage, now } from "../helpers/evidence.js";
import { type GitSandbox, gitSandbox } from "./helpers/git-repo.js";

let sandbox: GitSandbox;
let monorepo: string;
const ana = "Ana <ana@example.com>";
const ben = "Ben <ben@example.com>";

beforeAll(async () => {
  sandbox = await gitSandbox();
  monorepo = await sandbox.repo("acme/mono", [
    {
      author: ana,
      date: "2025-01-01T00:00:00Z",
      message: "one",
      files: { "packages/one/a.js": "1" },
    },
    {
      author: ben,
      date: "2025-02-01T00:00:00Z",
      message: "two",
      files: { "packages/two/b.js": "1" },
    },
    {
      author: ben,
      date: "2025-03-01T00:00:00Z",
      message: "two again",
      files: { "packages/two/b.js": "2" },
    },
    { author: ana, date: "2025-04-01T00:00:00Z", message: "root", files: { "README.md": "r" } },
  ]);
});
afterAll(() => sandbox.cleanup());

function counting(): { runner: GitRunner; clones: string[]; reads: number } {
  const state = { clones: [] as string[], reads: 0 };
  const runner: GitRunner = {
    cloneOrFetch(url, dir, options) {
      state.clones.push(url);
      return systemGit.cloneOrFetch(url, dir, options);
    },
    readHistory(dir, target, options) {
      state.reads++;
      return systemGit.readHistory(dir, target, options);
    },
  };
  return Object.assign(state, { runner });
}

function context(cacheDir: string, at: Date, extra: Partial<GitContext> = {}): GitContext {
  return {
    cache: createDiskCache({ dir: cacheDir, mode: "normal", now: () => at }),
    now: () => at,
    env: sandbox.env,
    concurrency: 4,
    offline: false,
    ...extra,
  };
}

const statuses = { registry: "ok", git: "ok", advisories: "-", issues: "-", usage: "-" };
const signalsOf = (git: GitEvidence) =>
  computeSignals(inventoryPackage(), { git }, statuses, now, defaultPolicy);

describe("cloning and fetching", () => {
  it("clones a repository shared by two monorepo packages once and reads each folder", async () => {
    const spy = counting();
    const collector = createGitCollector(context(path.join(sandbox.root, "c1"), now, spy));
    const [one, two] = await Promise.all([
      collector.collect({ url: monorepo, directory: "packages/one" }),
      collector.collect({ url: monorepo, directory: "packages/two" }),
    ]);
    expect(spy.clones).toEqual([monorepo]);
    expect(one?.data?.commitTimes).toHaveLength(1);
    expect(two?.data?.commitTimes).toHaveLength(2);
    // Both of packages/two's commits fall 12 to 24 months before `now`.
    expect(signalsOf(two?.data as GitEvidence).commitsLast12Months).toMatchObject({
      value: 0,
      detail: { previous12Months: 2 },
    });
    expect(one?.data?.fileCount).toBe(1);
  });

  it("within the TTL runs no git at all; after it, fetches only what is new", async () => {
    const cacheDir = path.join(sandbox.root, "c2");
    const first = counting();
    await createGitCollector(context(cacheDir, now, first)).collect({
      url: monorepo,
      directory: null,
    });
    expect(first.clones).toHaveLength(1);

    const cached = counting();
    const again = await createGitCollector(context(cacheDir, now, cached)).collect({
      url: monorepo,
      directory: null,
    });
    expect(again.fromCache).toBe(true);
    expect([cached.clones, cached.reads]).toEqual([[], 0]);

    await sandbox.commit("acme/mono", [
      {
        author: ana,
        date: "2026-05-01T00:00:00Z",
        message: "new",
        files: { "packages/one/a.js": "2" },
      },
    ]);
    const later = new Date(now.getTime() + 25 * 3_600_000);
    const refreshed = counting();
    const result = await createGitCollector(context(cacheDir, later, refreshed)).collect({
      url: monorepo,
      directory: null,
    });
    expect(refreshed.clones).toHaveLength(1);
    expect(result.fromCache).toBe(false);
    expect(result.data?.commitTimes).toHaveLength(5);
    expect(result.data?.commitTimes[0]).toBe(Date.parse("2026-05-01T00:00:00Z") / 1000);
  });

  it("offline: serves the cache, else an existing clone, else says it has nothing", async () => {
    const cacheDir = path.join(sandbox.root, "c1");
    const offline = counting();
    const ctx = context(cacheDir, now, { ...offline, offline: true });
    const collector = createGitCollector(ctx);
    const fromClone = await collector.collect({ url: monorepo, directory: "packages" });
    expect(fromClone.status).toBe("ok");
    expect(offline.clones).toEqual([]);
    const missing = await createGitCollector(
      context(path.join(sandbox.root, "empty"), now, { offline: true }),
    ).collect({ url: monorepo, directory: null });
    expect(missing.status).toBe("offline: not in cache");
  });

  it("reports an unreachable repository as unavailable", async () => {
    const result = await createGitCollector(context(path.join(sandbox.root, "c3"), now)).collect({
      url: "https://example.test/nobody/nothing",
      directory: null,
    });
    expect(result.status).toMatch(
      /^unavailable: .*(does not appear to be a git repository|not found)/,
    );
  });

  it("abandons a clone over the size limit and leaves nothing behind", async () => {
    const cacheDir = path.join(sandbox.root, "c4");
    const result = await createGitCollector(
      context(cacheDir, now, { limits: { maxCloneBytes: 1 } }),
    ).collect({ url: monorepo, directory: null });
    expect(result.status).toBe("unavailable: repository over the size limit (1 MB)");
    expect(await readdir(path.join(cacheDir, "v1", "git-repos"))).toEqual([]);
  });
});

describe("a clone that makes no progress", () => {
  let server: Server;
  beforeAll(async () => {
    // A "git server" that accepts connections and never answers.
    server = createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await appendFile(
      sandbox.env.GIT_CONFIG_GLOBAL as string,
      `[url "http://127.0.0.1:${port}/"]\n\tinsteadOf = https://slow.example.test/\n`,
    );
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("is killed and reported", async () => {
    const cacheDir = path.join(sandbox.root, "c5");
    const started = Date.now();
    const result = await createGitCollector(
      context(cacheDir, now, { limits: { cloneTimeoutMs: 1000 } }),
    ).collect({ url: "https://slow.example.test/acme/slow", directory: null });
    expect(result.status).toBe("unavailable: clone made no progress for 1s");
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await readdir(path.join(cacheDir, "v1", "git-repos"))).toEqual([]);
  });
});
