#!/usr/bin/env node
// npm run bench:queue: packages per second through the queue with 1, 2 and 4 `jenga worker`
// processes, and each worker's peak memory. Not a test: it prints, never asserts.
//
// Everything is local: a redis-server on a free port (no persistence), a fixture registry
// that answers packuments and bulk advisories after BENCH_LATENCY_MS (default 500 ms, a big packument from a
// distant registry), and a portfolio of projects over BENCH_PACKAGES packages.
// The work is I/O-bound, as against real registries, so scaling shows even on 2 cores.
// Each worker runs BENCH_CONCURRENCY jobs per queue (default 4), so that one worker is
// far from the queues' shared rate limits and adding workers is what adds throughput.
// Git is off (a clone's cost is the remote's, not jenga's) and the repositories are not on
// GitHub (no issue jobs): what is measured is the registry and advisory jobs, two answers
// per package.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Queue } from "bullmq";
import { packageNames, writePortfolio } from "../queue/helpers/portfolio.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const jenga = path.resolve(here, "../../.build/cli/main.js");
const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 500);
const packageCount = Number(process.env.BENCH_PACKAGES ?? 200);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 4);
const workerCounts = [1, 2, 4];
const work = mkdtempSync(path.join(os.tmpdir(), "jenga-bench-queue-"));

if (spawnSync("redis-server", ["--version"]).status !== 0) {
  process.stderr.write("bench:queue needs redis-server (apt-get install redis-server)\n");
  process.exit(1);
}

const names = packageNames(packageCount);
const packuments = Object.fromEntries(names.map((name) => [name, packumentOf(name)]));

function packumentOf(name) {
  const version = (v) => ({
    name,
    version: v,
    license: "MIT",
    repository: { type: "git", url: `git+https://example.test/bench/${name}.git` },
    dist: {
      tarball: `https://registry.example.invalid/${name}-${v}.tgz`,
      unpackedSize: 20_000,
      fileCount: 5,
    },
  });
  return {
    _id: name,
    name,
    "dist-tags": { latest: "1.1.0" },
    versions: { "1.0.0": version("1.0.0"), "1.1.0": version("1.1.0") },
    time: {
      created: "2023-01-10T10:00:00.000Z",
      modified: "2024-06-10T10:00:00.000Z",
      "1.0.0": "2023-01-10T10:00:00.000Z",
      "1.1.0": "2024-06-10T10:00:00.000Z",
    },
    maintainers: [{ name: "alice", email: "alice@example.com" }],
  };
}

/** The registry stand-in: every answer after `latencyMs`, as a distant registry's. */
function startRegistry() {
  let requests = 0;
  const server = createServer((req, res) => {
    requests++;
    const answer = (status, body) =>
      setTimeout(
        () =>
          res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body)),
        latencyMs,
      );
    if (req.method === "POST") {
      req.resume();
      req.on("end", () => answer(200, {}));
      return;
    }
    const body = packuments[decodeURIComponent((req.url ?? "/").slice(1))];
    answer(body ? 200 : 404, body ?? { error: "Not found" });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}/`,
        requests: () => requests,
        close: () => server.close(),
      }),
    ),
  );
}

/** OSV stand-in: refused at once, as in the tests (advisories come from the registry). */
function startBlockedOsv() {
  const server = createServer((_req, res) => res.writeHead(403).end("blocked\n"));
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() }),
    ),
  );
}

function startRedis(port) {
  const child = spawn(
    "redis-server",
    [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      "--maxmemory-policy",
      "noeviction",
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      if (out.includes("Ready to accept connections")) resolve(child);
    });
    child.on("exit", (code) => reject(new Error(`redis-server exited ${code}: ${out}`)));
  });
}

function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function env(home, registry, osv) {
  return {
    PATH: process.env.PATH ?? "",
    HOME: home,
    NO_COLOR: "1",
    npm_config_userconfig: path.join(home, ".npmrc"),
    npm_config_globalconfig: path.join(home, "global-npmrc"),
    npm_config_registry: registry,
    XDG_CACHE_HOME: path.join(home, ".cache"),
    JENGA_OSV_URL: osv,
    JENGA_GITHUB_API_URL: "http://127.0.0.1:9/",
  };
}

/**
 * The queue phase alone, from BullMQ's own job timestamps: the first job taken to the last
 * one finished. The whole run adds the enqueuing process's start, inventory and report,
 * which no number of workers shortens.
 */
async function queuePhaseSeconds(port) {
  let first = Number.POSITIVE_INFINITY;
  let last = 0;
  for (const source of ["registry", "advisories"]) {
    const queue = new Queue(source, {
      connection: { host: "127.0.0.1", port },
      prefix: "jenga:queue",
    });
    for (const job of await queue.getJobs(["completed"], 0, -1)) {
      first = Math.min(first, job.processedOn ?? first);
      last = Math.max(last, job.finishedOn ?? last);
    }
    await queue.close();
  }
  return (last - first) / 1000;
}

/** Peak resident memory of a live process, from Linux's /proc (VmHWM), in MB. */
function peakMb(pid) {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

async function startWorker(url, home, registry, osv) {
  const child = spawn(
    process.execPath,
    [jenga, "worker", "--queue", url, "--concurrency", String(concurrency)],
    {
      cwd: home,
      env: env(home, registry, osv),
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let err = "";
  child.stderr.on("data", (d) => {
    err += d;
  });
  while (!err.includes("taking jobs from")) {
    if (child.exitCode !== null) throw new Error(`worker exited: ${err}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return child;
}

async function round(workers, registry, osv) {
  const port = await freePort();
  const redis = await startRedis(port);
  const url = `redis://127.0.0.1:${port}`;
  const home = path.join(work, `round-${workers}`);
  mkdirSync(home, { recursive: true });
  writeFileSync(path.join(home, ".npmrc"), "");
  const list = await writePortfolio(path.join(home, "portfolio"), {
    names,
    projects: 20,
    perProject: Math.ceil(packageCount / 10),
    registryUrl: registry.url,
  });
  const children = [];
  for (let i = 0; i < workers; i++) {
    const dir = path.join(home, `worker-${i}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, ".npmrc"), "");
    children.push(await startWorker(url, dir, registry.url, osv.url));
  }
  const start = process.hrtime.bigint();
  // Not spawnSync: this process serves the registry, and must keep answering meanwhile.
  const run = await new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        jenga,
        "analyze",
        "--projects",
        list,
        "--queue",
        url,
        "--no-git",
        "--no-usage",
        "--quiet",
        "--json",
        path.join(home, "jenga.json"),
        "--out",
        path.join(home, "reports"),
      ],
      { cwd: home, env: env(home, registry.url, osv.url), stdio: ["ignore", "ignore", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("close", (status) => resolve({ status, stderr }));
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0) throw new Error(`analyze failed (${run.status}): ${run.stderr}`);
  const analysed = JSON.parse(readFileSync(path.join(home, "jenga.json"), "utf8")).packages.length;
  const memory = children.map((c) => peakMb(c.pid));
  const queueSeconds = await queuePhaseSeconds(port);
  for (const c of children) c.kill("SIGTERM");
  await Promise.all(
    children.map((c) => new Promise((r) => (c.exitCode !== null ? r() : c.once("exit", r)))),
  );
  redis.kill("SIGTERM");
  return { workers, seconds, queueSeconds, analysed, memory };
}

const registry = await startRegistry();
const osv = await startBlockedOsv();
process.stdout.write(
  `jenga bench:queue: ${packageCount} packages, ${latencyMs} ms per answer, ${concurrency} jobs per queue per worker, ${os.cpus().length} cores\n`,
);
let base = null;
try {
  for (const workers of workerCounts) {
    const r = await round(workers, registry, osv);
    const rate = r.analysed / r.queueSeconds;
    base ??= rate;
    const mem = r.memory.map((m) => (m === null ? "?" : `${m.toFixed(0)} MB`)).join(", ");
    process.stdout.write(
      `${workers} worker${workers > 1 ? "s" : " "}: ${r.analysed} packages, queue phase ${r.queueSeconds.toFixed(1)} s: ${rate.toFixed(1)} packages/s (${(rate / base).toFixed(2)}×); whole run ${r.seconds.toFixed(1)} s; peak memory per worker: ${mem}\n`,
    );
  }
} finally {
  registry.close();
  osv.close();
  rmSync(work, { recursive: true, force: true });
}
