import type { ChildProcess } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  onTestFinished,
} from "vitest";
import { type GitSandbox, gitSandbox } from "../collectors/helpers/git-repo.js";
import { runJengaBinary, spawnJenga } from "../helpers/cli.js";
import { packument, type RegistryServer, startRegistryServer } from "../helpers/registry-server.js";
import { packageNames, writePortfolio } from "./helpers/portfolio.mjs";
import { type RedisServer, startRedisServer } from "./helpers/redis-server.js";

// A portfolio analysed twice: embedded (one process, the disk cache) and through the queue
// (two spawned `jenga worker` processes on a real redis-server, the Redis cache). Both
// must write the same JSON result, apart from its timestamp, also when one worker is
// killed with SIGKILL in the middle: BullMQ's stalled-job recovery hands its jobs over.

const names = packageNames(24);
const author = "Ada <ada@example.com>";

let redis: RedisServer;
let registry: RegistryServer;
let git: GitSandbox;
let root: string;
let list: string;
const workers: ChildProcess[] = [];

/**
 * The portfolio, its git repositories and its registry: made once for the file. Each test
 * gets a Redis of its own (the queue's cache lives there) and workers of its own.
 */
async function setUp() {
  root = await mkdtemp(path.join(os.tmpdir(), "jenga-queue-"));
  git = await gitSandbox({ blobless: true });
  const commits = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      author: i % 2 ? author : "Bo <bo@example.com>",
      date: `2024-0${(i % 9) + 1}-10T12:00:00Z`,
      message: `change ${i}`,
      files: { [`src/file-${i}.js`]: `export const x = ${i};\n` },
    }));
  const single = await git.repo("acme/single", commits(5));
  const mono = await git.repo("acme/mono", [
    { author, date: "2024-03-01T10:00:00Z", message: "a", files: { "packages/a/index.js": "1\n" } },
    { author, date: "2024-04-01T10:00:00Z", message: "b", files: { "packages/b/index.js": "2\n" } },
  ]);
  const repositories: Record<string, { url: string; directory?: string }> = {
    [names[0] as string]: { url: `git+${single}.git` },
    [names[1] as string]: { url: `git+${mono}.git`, directory: "packages/a" },
    [names[2] as string]: { url: `git+${mono}.git`, directory: "packages/b" },
  };
  const packuments: Record<string, unknown> = {};
  // The last name is missing from the registry: a 404, the same status both ways.
  for (const name of names.slice(0, -1)) {
    const doc = packument(name, {
      "1.0.0": { time: "2023-01-10T10:00:00.000Z" },
      "1.1.0": {
        time: "2024-06-10T10:00:00.000Z",
        ...(name === names[3] ? { deprecated: "use pkg-004" } : {}),
      },
    }) as { versions: Record<string, { repository: unknown }> };
    const repository = repositories[name];
    if (repository)
      for (const version of Object.values(doc.versions))
        version.repository = { type: "git", ...repository };
    packuments[name] = doc;
  }
  registry = await startRegistryServer(packuments, {
    bulkAdvisories: {
      [names[5] as string]: [
        {
          id: 1099999,
          url: "https://github.com/advisories/GHSA-aaaa-bbbb-cccc",
          title: "Prototype pollution",
          severity: "high",
          vulnerable_versions: "<1.2.0",
          cwe: ["CWE-1321"],
          cvss: { score: 7.5, vectorString: null },
        },
      ],
    },
  });
  // Every other package names its own github.com repository, served by the sandbox too, so
  // git succeeds and the issue tracker is asked (the GitHub API is unreachable in tests).
  // Failed clones are left out on purpose: which of git's lines a failure reports is not
  // steady under load, whatever process runs it.
  for (const name of names.slice(3, -1)) await git.repo(`example/${name}`, commits(2));
  await writeFile(
    path.join(root, "gitconfig"),
    `${await readFile(git.env.GIT_CONFIG_GLOBAL as string, "utf8")}[url "file://${git.root}/remotes/example/"]\n\tinsteadOf = https://github.com/example/\n`,
  );
  list = await writePortfolio(root, {
    names,
    projects: 6,
    perProject: 8,
    registryUrl: registry.url,
  });
}

afterAll(async () => {
  await registry?.close();
  await git?.cleanup();
  if (root) await rm(root, { recursive: true, force: true });
});

/** Every process's environment: git reaches the sandbox's repositories and nothing else. */
function env(): Record<string, string> {
  return {
    // The sandbox's config (example.test → its repositories), plus github.com/example → the
    // sandbox too. In a config file: git refuses URL rewrites from the environment.
    GIT_CONFIG_GLOBAL: path.join(root, "gitconfig"),
    GIT_CONFIG_COUNT: "0",
    // Workers have no project: npm's configuration comes from their environment.
    npm_config_registry: registry.url,
    // Stalled jobs are taken back after three seconds instead of thirty.
    JENGA_QUEUE_STALLED_MS: "3000",
    // The GitHub budget's pace (17 a minute) would make the 24 packages' issues jobs wait a
    // minute and more; the fixture's API answers at once, so the test raises it.
    JENGA_QUEUE_ISSUES_PER_MINUTE: "6000",
  };
}

async function home(name: string): Promise<string> {
  const dir = path.join(root, name);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, ".npmrc"), "");
  return dir;
}

async function startWorker(name: string): Promise<ChildProcess> {
  const dir = await home(name);
  const child = spawnJenga(["worker", "--queue", redis.url, "--cache", path.join(dir, "cache")], {
    cwd: dir,
    home: dir,
    env: env(),
  });
  let stderr = "";
  child.stderr?.on("data", (d) => {
    stderr += d;
  });
  workers.push(child);
  // Ready once it says so: it has connected and its BullMQ workers are listening.
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (stderr.includes("taking jobs from")) {
        clearInterval(timer);
        resolve();
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`worker exited: ${stderr}`));
      }
    }, 50);
  });
  return child;
}

async function analyze(name: string, extra: string[]) {
  const dir = await home(name);
  const run = await runJengaBinary(
    [
      "analyze",
      "--projects",
      list,
      "--json",
      "-",
      "--out",
      path.join(dir, "reports"),
      "--cache",
      path.join(dir, "cache"),
      ...extra,
    ],
    { cwd: root, home: dir, env: env() },
  );
  expect(run.stderr).not.toContain("internal error");
  expect(run.code).toBe(0);
  return { json: comparable(run.stdout), stderr: run.stderr, reports: path.join(dir, "reports") };
}

/** The result without what differs between any two runs: when it was made. */
function comparable(stdout: string): unknown {
  const result = JSON.parse(stdout) as Record<string, unknown>;
  delete result.generatedAt;
  return result;
}

/** The embedded run's result: the same for every test, made once (prompt answers). */
let embedded: Awaited<ReturnType<typeof analyze>>;

describe("analyze --queue", () => {
  beforeAll(async () => {
    await setUp();
    embedded = await analyze("embedded", ["--quiet"]);
  }, 180_000);
  beforeEach(async () => {
    registry.delayMs = 0;
    redis = await startRedisServer();
  });
  afterEach(async () => {
    for (const w of workers.splice(0)) if (w.exitCode === null) w.kill("SIGKILL");
    await redis.stop();
  });

  describe("a portfolio through two jenga workers on Redis", () => {
    it("writes the same JSON result as the embedded run, with progress from the queue", async () => {
      await startWorker("worker-a");
      await startWorker("worker-b");
      const queued = await analyze("queued", ["--queue", redis.url]);
      expect(queued.json).toEqual(embedded.json);
      expect(queued.stderr).toMatch(/queue registry/);
      const json = queued.json as { packages: { name: string; sources: Record<string, string> }[] };
      expect(json.packages.length).toBe(names.length);
      // The sources did run: git through the sandbox, and the missing package's 404.
      const byName = new Map(json.packages.map((p) => [p.name, p]));
      expect(byName.get(names[0] as string)?.sources.git).toBe("ok");
      expect(byName.get(names[2] as string)?.sources.git).toBe("ok");
      expect(byName.get(names[7] as string)?.sources.git).toBe("ok");
      expect(byName.get(names[7] as string)?.sources.issues).toMatch(/^unavailable: /);
      expect(byName.get(names.at(-1) as string)?.sources.registry).toMatch(/^unavailable: .*404/);

      // A second queued run finds everything in the shared cache: no job, the same result.
      const before = registry.requests.length;
      const again = await analyze("queued-again", ["--queue", redis.url]);
      expect(again.json).toEqual(embedded.json);
      expect(registry.requests.length - before).toBeLessThanOrEqual(1);

      const status = await runJengaBinary(["queue", "status", "--queue", redis.url], {
        cwd: root,
        home: root,
        env: env(),
      });
      expect(status.code).toBe(0);
      expect(status.stdout).toMatch(/^registry\s+waiting 0\s+active 0\s+delayed 0\s+failed 0/m);
      expect(status.stdout).toMatch(/workers 2/);
    }, 180_000);
  });

  describe("a worker killed mid-run", () => {
    it("completes through the other worker with the same result", async () => {
      // Slow answers, so the kill lands while the worker holds jobs.
      registry.delayMs = 300;
      const doomed = await startWorker("killed-worker-a");
      await startWorker("killed-worker-b");
      const seen = registry.requests.length;
      const queued = analyze("killed-queued", ["--queue", redis.url]);
      while (registry.requests.length < seen + 4) await new Promise((r) => setTimeout(r, 20));
      doomed.kill("SIGKILL");
      const result = await queued;
      expect(doomed.signalCode).toBe("SIGKILL");
      expect(result.json).toEqual(embedded.json);
    }, 180_000);
  });
});

describe("jenga worker and queue status: Redis unreachable", () => {
  it("exits 2 with one line naming the URL, its password hidden", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "jenga-queue-"));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const url = "redis://jenga:s3cret@127.0.0.1:9/0";
    // The three commands at once: each waits out its own connection attempts.
    const runs = await Promise.all(
      [
        ["worker", "--queue", url],
        ["queue", "status", "--queue", url],
        ["analyze", "--queue", url],
      ].map((args) => runJengaBinary(args, { cwd: dir, home: dir })),
    );
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        "jenga: cannot reach Redis at redis://jenga:***@127.0.0.1:9/0 (ECONNREFUSED)\n",
      );
      expect(run.stdout).toBe("");
    }
  });
});
