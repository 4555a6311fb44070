#!/usr/bin/env node
// npm run bench: jenga's speed on a ~1,000-package project, as ratios against a reference
// measured in the same run on the same machine (absolute times are not comparable across
// noisy machines). Not a test: it needs the configured registry and prints, never asserts.
//
// Reference: `npm install --package-lock-only --ignore-scripts` with an empty npm cache,
// resolving the same tree (npm fetches one packument per package, as jenga does).
// Measured: jenga cold (empty cache) and warm (second run, whole analysis and report).
// First, startup: `jenga --version` and `--help` against `node -e 0` (test/bench/startup.mjs),
// which needs no registry.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const project = path.join(here, "fixtures", "large");
const jenga = path.resolve(here, "../../.build/cli/main.js");
const runs = Number(process.env.BENCH_RUNS ?? 1);
const work = mkdtempSync(path.join(os.tmpdir(), "jenga-bench-"));

function timed(label, command, args, options = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    ...options,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) {
    process.stderr.write(`${label} failed (exit ${result.status}):\n${result.stderr}\n`);
    process.exit(1);
  }
  return seconds;
}

function npmReference(i) {
  const dir = path.join(work, `npm-${i}`);
  cpSync(path.join(project, "package.json"), path.join(dir, "package.json"));
  return timed(
    "npm",
    "npm",
    [
      "install",
      "--package-lock-only",
      "--ignore-scripts",
      "--no-audit",
      "--no-fund",
      "--cache",
      path.join(dir, ".npm-cache"),
    ],
    { cwd: dir },
  );
}

function jengaRun(cache, i, tag) {
  const out = path.join(work, `report-${tag}-${i}`);
  return timed(`jenga ${tag}`, process.execPath, [
    jenga,
    "analyze",
    project,
    "--quiet",
    "--cache",
    cache,
    "--out",
    out,
  ]);
}

// Startup first: it needs no network, so its figures print even when the registry is away.
spawnSync(process.execPath, [path.join(here, "startup.mjs")], { stdio: "inherit" });
console.log("");

const rows = [];
for (let i = 0; i < runs; i++) {
  const cache = path.join(work, `cache-${i}`);
  const npm = npmReference(i);
  const cold = jengaRun(cache, i, "cold");
  const warm = jengaRun(cache, i, "warm");
  rows.push({ npm, cold, warm });
}
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const npm = median(rows.map((r) => r.npm));
const cold = median(rows.map((r) => r.cold));
const warm = median(rows.map((r) => r.warm));
const line = (label, s, extra = "") =>
  console.log(`${label.padEnd(46)} ${s.toFixed(2).padStart(7)} s ${extra}`);
console.log(
  `jenga bench: ${path.relative(process.cwd(), project)} (${runs} run${runs === 1 ? "" : "s"}, median)`,
);
line("npm install --package-lock-only, empty cache", npm, "(reference)");
line(
  "jenga analyze, empty cache (cold)",
  cold,
  `ratio to npm ${(cold / npm).toFixed(2)} (goal < 1.0)`,
);
line("jenga analyze, warm cache", warm, `ratio to npm ${(warm / npm).toFixed(3)} (goal < 2 s)`);
rmSync(work, { recursive: true, force: true });

// The code-usage bench needs a real application with node_modules installed, which this
// repository does not ship: JENGA_BENCH_APP names one (see test/bench/usage.mjs).
if (process.env.JENGA_BENCH_APP) {
  console.log("");
  spawnSync(process.execPath, [path.join(here, "usage.mjs"), process.env.JENGA_BENCH_APP], {
    stdio: "inherit",
  });
} else {
  console.log(
    "\ncode usage: skipped (set JENGA_BENCH_APP=<an app with node_modules>, see test/bench/usage.mjs)",
  );
}
