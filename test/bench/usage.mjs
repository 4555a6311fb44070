#!/usr/bin/env node
// npm run bench:usage -- <project>: the code-usage source's speed and memory on a real
// application, against Knip run on the same project in the same run. Not a test: it prints,
// never asserts.
//
// <project> is any JS/TS application with its dependencies installed, for example:
//   git clone https://github.com/Kong/insomnia app && cd app && npm ci --ignore-scripts
// (or any repository of ≥ 1,000 source files). Knip is taken from $KNIP (a path to its
// bin), else from the project's node_modules/.bin, else `npx -y knip`.
//
// Measured, each in its own child process (so peak memory is that side's alone):
//   project side    — read the files and manifests, parse, reachability, classes;
//   dependency side — footprints from node_modules, with an empty cache (cold) and again
//                     with the cache the cold run filled (warm);
//   knip            — `knip --reporter json` (its default checks), wall time and max RSS.
// A speed change must not change what is found: test/bench/usage-dump.mjs prints it all, to
// compare before and after.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const build = path.resolve(here, "../../.build");

if (process.argv[2] === "--child") await child(process.argv[3], process.argv[4]);
else await main(process.argv[2]);

/** One measured run of jenga's usage analysis; prints a JSON line. */
async function child(project, cacheDir) {
  const mod = (file) => import(pathToFileURL(path.join(build, file)).href);
  const { addFootprints, analyzeProjectSources, settlePeers } = await mod(
    "collectors/usage/collect-usage.js",
  );
  const { usageLimits } = await mod("collectors/usage/limits.js");
  const { createDiskCache } = await mod("cache/disk-cache.js");
  const start = performance.now();
  const analysis = await analyzeProjectSources(project, usageLimits);
  const projectMs = performance.now() - start;
  const cache = createDiskCache({ dir: cacheDir, mode: "normal", now: () => new Date() });
  const counters = { packagesRead: 0, filesParsed: 0, cacheHits: 0 };
  const depStart = performance.now();
  await addFootprints(project, analysis.packages, usageLimits, { cache, counters });
  settlePeers(analysis.packages);
  const dependencyMs = performance.now() - depStart;
  // Knip judges each workspace alone: compare "workspace:name" pairs, jenga's being the
  // declarations of unused packages and those a workspace makes without using them.
  const { readManifests } = await mod("collectors/usage/read-manifests.js");
  const manifests = await readManifests(project);
  const unused = [];
  for (const [name, u] of analysis.packages) {
    if (u.class === "unused")
      for (const m of manifests) if (declares(m.data, name)) unused.push(`${m.dir || "."}:${name}`);
    for (const dir of u.misplaced?.declaredNotUsed ?? []) unused.push(`${dir || "."}:${name}`);
  }
  unused.sort();
  const result = {
    filesParsed: analysis.filesParsed,
    packages: analysis.packages.size,
    projectMs,
    dependencyMs,
    counters,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    unused,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function declares(data, name) {
  return ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"].some(
    (section) => Object.hasOwn(data[section] ?? {}, name),
  );
}

function run(command, args, options = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 256 * 1024 * 1024,
    ...options,
  });
  return { ...result, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

function jenga(project, cacheDir, tag) {
  const result = run(process.execPath, [
    fileURLToPath(import.meta.url),
    "--child",
    project,
    cacheDir,
  ]);
  if (result.status !== 0) {
    process.stderr.write(`jenga ${tag} failed (exit ${result.status}):\n${result.stderr}\n`);
    process.exit(1);
  }
  return { ...JSON.parse(result.stdout.trim().split("\n").pop()), seconds: result.seconds };
}

function knipCommand(project) {
  if (process.env.KNIP) return [process.env.KNIP, []];
  const local = path.join(project, "node_modules", ".bin", "knip");
  if (existsSync(local)) return [local, []];
  return ["npx", ["-y", "knip"]];
}

/** Knip under /usr/bin/time -v when there is one, for its max RSS. */
function knip(project) {
  const [command, prefix] = knipCommand(project);
  const args = [...prefix, "--reporter", "json", "--no-progress", "--no-exit-code"];
  const timeBin = "/usr/bin/time";
  const result = existsSync(timeBin)
    ? run(timeBin, ["-v", command, ...args], { cwd: project })
    : run(command, args, { cwd: project });
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr ?? "");
  let unused = null;
  try {
    const report = JSON.parse(result.stdout);
    const names = new Set();
    for (const issue of report.issues ?? []) {
      const dir = path.posix.dirname(issue.file);
      for (const kind of ["dependencies", "devDependencies", "optionalPeerDependencies"])
        for (const item of issue[kind] ?? []) names.add(`${dir}:${item.name}`);
    }
    unused = [...names].sort();
  } catch {
    process.stderr.write(`knip output did not parse (exit ${result.status}):\n${result.stderr}\n`);
  }
  return { seconds: result.seconds, maxRssMb: rss ? Number(rss[1]) / 1024 : null, unused };
}

async function main(input) {
  if (!input) {
    process.stderr.write("usage: npm run bench:usage -- <project with node_modules installed>\n");
    process.exit(2);
  }
  const project = path.resolve(input);
  const work = mkdtempSync(path.join(os.tmpdir(), "jenga-bench-usage-"));
  const cacheDir = path.join(work, "cache");
  try {
    const cold = jenga(project, cacheDir, "cold");
    const warm = jenga(project, cacheDir, "warm");
    const k = knip(project);
    const s = (ms) => `${(ms / 1000).toFixed(2).padStart(7)} s`;
    const mb = (x) => (x === null ? "    ?" : `${x.toFixed(0).padStart(5)} MB`);
    console.log(
      `jenga bench:usage: ${path.basename(project)} — ${cold.filesParsed} files parsed, ${cold.packages} packages`,
    );
    console.log(`project side                         ${s(cold.projectMs)}`);
    console.log(
      `dependency side, empty cache (cold)  ${s(cold.dependencyMs)}   ${cold.counters.packagesRead} packages read, ${cold.counters.filesParsed} files parsed`,
    );
    console.log(
      `dependency side, warm cache          ${s(warm.dependencyMs)}   ${warm.counters.packagesRead} packages read, ${warm.counters.filesParsed} files parsed, ${warm.counters.cacheHits} from cache`,
    );
    console.log(
      `jenga cold, whole process            ${s(cold.seconds * 1000)}   peak ${mb(cold.maxRssMb)} (goal < 300 MB per 1,000 files)`,
    );
    console.log(
      `jenga warm, whole process            ${s(warm.seconds * 1000)}   peak ${mb(warm.maxRssMb)}`,
    );
    const cacheBytes = readdirSync(cacheDir, { recursive: true })
      .map((f) => statSync(path.join(cacheDir, f)))
      .reduce((sum, st) => sum + (st.isFile() ? st.size : 0), 0);
    console.log(`usage cache on disk                  ${(cacheBytes / 1024 / 1024).toFixed(1)} MB`);
    console.log(
      `knip, whole process                  ${s(k.seconds * 1000)}   peak ${mb(k.maxRssMb)}`,
    );
    console.log(
      `ratio to knip: cold ${(cold.seconds / k.seconds).toFixed(2)}, warm ${(warm.seconds / k.seconds).toFixed(2)} (goal < 1.0)`,
    );
    if (k.unused) {
      const jengaOnly = cold.unused.filter((n) => !k.unused.includes(n));
      const knipOnly = k.unused.filter((n) => !cold.unused.includes(n));
      const both = cold.unused.filter((n) => k.unused.includes(n));
      console.log(
        "unused declarations, as workspace:package (jenga: unused, or unused where declared)",
      );
      console.log(`unused by both (${both.length}): ${both.join(", ") || "-"}`);
      console.log(`unused by jenga only (${jengaOnly.length}): ${jengaOnly.join(", ") || "-"}`);
      console.log(`unused by knip only (${knipOnly.length}): ${knipOnly.join(", ") || "-"}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
