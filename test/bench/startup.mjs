#!/usr/bin/env node
// jenga's startup (run first by `npm run bench`): `jenga --version` and `jenga --help` as a
// ratio against `node -e 0` measured in the same run, interleaved so that load on a shared
// machine falls on all three alike. Goal: <= 2.0 (commands load their pipeline lazily, so
// these two load only commander). Not a test: it prints, never asserts. Needs `npm run build`.
// BENCH_STARTUP_RUNS changes the repetitions (median of each).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const jenga = path.resolve(here, "../../.build/cli/main.js");
const runs = Number(process.env.BENCH_STARTUP_RUNS ?? 21);

const cases = [
  { label: "node -e 0", args: ["-e", "0"] },
  { label: "jenga --version", args: [jenga, "--version"] },
  { label: "jenga --help", args: [jenga, "--help"] },
];

function timed({ label, args }) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { PATH: process.env.PATH ?? "", NO_COLOR: "1" },
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) {
    process.stderr.write(`${label} failed (exit ${result.status}):\n${result.stderr}\n`);
    process.exit(1);
  }
  return seconds;
}

// One untimed round first: the files are then in the page cache for every timed round.
for (const c of cases) timed(c);
const times = cases.map(() => []);
for (let i = 0; i < runs; i++) for (const [j, c] of cases.entries()) times[j].push(timed(c));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const [reference, ...measured] = times.map(median);
const line = (label, s, extra = "") =>
  console.log(`${label.padEnd(46)} ${(s * 1000).toFixed(0).padStart(7)} ms ${extra}`);
console.log(`jenga startup bench: ${runs} runs each, interleaved, median`);
line(cases[0].label, reference, "(reference)");
for (const [i, s] of measured.entries())
  line(cases[i + 1].label, s, `ratio ${(s / reference).toFixed(2)} (goal <= 2.0)`);
