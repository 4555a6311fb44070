#!/usr/bin/env node
// npm run bench: jenga's speed and memory as ratios against a reference measured in the same
// run on the same machine (absolute times on shared machines mean little). Not a test: it
// prints, never asserts. It needs no path from the user and no host but 127.0.0.1: the
// package tree, its registry and its git repositories are generated (fixture-registry.mjs,
// fixture-repos.mjs). Needs `npm run build`.
//
//   startup            jenga --version / --help        vs node -e 0 (startup.mjs)     goal <= 2.0
//   cold registry      1,000 packages, empty cache     vs npm install --package-lock-only,
//                                                         empty npm cache            goal <= 1.0
//   warm registry      the same, second run            vs npm ls --all --package-lock-only  <= 1.0
//   warm + git, usage  the same with git and usage     vs npm ls --all --package-lock-only  <= 2.0
//   cold git memory    1,500 packages (a 50-package monorepo and 1,450 small repositories),
//                      empty cache, peak RSS                                          <= 600 MB
//   git history        100,000 commits                 vs plain git log (git.mjs)     goal <= 1.5
//
// BENCH_PACKAGES / BENCH_GIT_PACKAGES change the tree sizes; BENCH_SKIP_GIT=1 skips the git
// part (slow: it generates and clones 1,450 repositories); BENCH_GIT_COMMITS sizes git.mjs.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { firstTree, generateRegistry, serveRegistry, writeProject } from "./fixture-registry.mjs";
import { generateRepos } from "./fixture-repos.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const jenga = path.resolve(here, "../../.build/cli/main.js");
const packages = Number(process.env.BENCH_PACKAGES ?? 1000);
const gitPackages = Number(process.env.BENCH_GIT_PACKAGES ?? 1500);
const mono = 50;
const work = mkdtempSync(path.join(os.tmpdir(), "jenga-bench-"));
const hasTime = existsSync("/usr/bin/time");

/** Runs a command; resolves with its wall time (s) and peak RSS (MB, from /usr/bin/time). */
function measured(label, command, args, options = {}) {
  const wrapped = hasTime ? ["/usr/bin/time", ["-f", "%M", command, ...args]] : [command, args];
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const child = spawn(wrapped[0], wrapped[1], {
      stdio: ["ignore", "ignore", "pipe"],
      ...options,
    });
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr = (stderr + d).slice(-20_000);
    });
    child.on("close", (code) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      if (code !== 0) {
        process.stderr.write(`${label} failed (exit ${code}):\n${stderr}\n`);
        process.exit(1);
      }
      const kb = Number(stderr.trim().split("\n").pop());
      resolve({ seconds, mb: hasTime && Number.isFinite(kb) ? kb / 1024 : null });
    });
  });
}

const rows = [];
function row(label, m, reference, goal, unit = "ratio") {
  const ratio = reference ? m.seconds / reference.seconds : null;
  const memory = m.mb === null ? "" : `peak ${m.mb.toFixed(0)} MB`;
  let verdict = "";
  if (goal !== undefined && unit === "ratio" && ratio !== null)
    verdict = `ratio ${ratio.toFixed(2)} (goal <= ${goal}${ratio > goal ? `, misses by ${((ratio / goal - 1) * 100).toFixed(0)}%` : ""})`;
  if (goal !== undefined && unit === "MB" && m.mb !== null)
    verdict = `goal <= ${goal} MB${m.mb > goal ? `, misses by ${(m.mb - goal).toFixed(0)} MB` : ""}`;
  const line = `${label.padEnd(58)} ${m.seconds.toFixed(2).padStart(7)} s  ${memory.padEnd(14)} ${reference ? verdict : verdict || "(reference)"}`;
  rows.push(line);
  console.log(line);
}

function jengaArgs(project, cache, extra) {
  return [
    jenga,
    "analyze",
    project,
    "--quiet",
    "--cache",
    cache,
    "--out",
    path.join(cache, "..", `out-${path.basename(cache)}`),
    ...extra,
  ];
}

// Startup first: it needs nothing generated.
spawnSync(process.execPath, [path.join(here, "startup.mjs")], { stdio: "inherit" });
console.log("");

const total = Math.max(packages, gitPackages);
console.log(`generating a registry of ${total} packages…`);
const registryDir = path.join(work, "registry");
generateRegistry(registryDir, { count: total, mono });
const registry = await serveRegistry(registryDir);
const home = path.join(work, "home");
mkdirSync(home);
// No user config: the registry and git hosts are the generated ones.
const baseEnv = {
  PATH: process.env.PATH ?? "",
  HOME: home,
  NO_COLOR: "1",
  GIT_CONFIG_NOSYSTEM: "1",
  npm_config_registry: registry.url,
  npm_config_update_notifier: "false",
};

/** A project on a tree: npm resolves its lockfile (timed: the cold reference). */
async function project(name, direct) {
  const dir = path.join(work, name);
  writeProject(dir, { direct, name });
  const npmCache = path.join(work, `${name}-npm-cache`);
  const resolved = await measured(
    "npm install",
    "npm",
    [
      "install",
      "--package-lock-only",
      "--ignore-scripts",
      "--no-audit",
      "--no-fund",
      "--registry",
      registry.url,
      "--cache",
      npmCache,
    ],
    { cwd: dir, env: baseEnv },
  );
  return { dir, resolved };
}

const direct = Array.from({ length: 30 }, (_, i) => i);
const large = await project("large", direct);
console.log(
  `jenga bench: a generated tree of ${Math.min(packages, firstTree)} packages, local registry\n`,
);
row("npm install --package-lock-only, empty npm cache", large.resolved);
const registryOnly = ["--no-git", "--no-usage", "--no-advisories"];
const cold = await measured(
  "jenga cold",
  process.execPath,
  jengaArgs(large.dir, path.join(work, "cache-r"), registryOnly),
  { env: baseEnv },
);
row("jenga analyze, registry only, empty cache (cold)", cold, large.resolved, 1.0);
const ls = await measured("npm ls", "npm", ["ls", "--all", "--package-lock-only"], {
  cwd: large.dir,
  env: baseEnv,
});
row("npm ls --all --package-lock-only", ls);
const warm = await measured(
  "jenga warm",
  process.execPath,
  jengaArgs(large.dir, path.join(work, "cache-r"), registryOnly),
  { env: baseEnv },
);
row("jenga analyze, registry only, warm cache", warm, ls, 1.0);

if (process.env.BENCH_SKIP_GIT !== "1") {
  console.log(
    `\ngenerating git repositories: one monorepo of ${mono} packages, ${gitPackages - mono} small ones…`,
  );
  const gitconfig = await generateRepos(path.join(work, "repos"), { count: gitPackages, mono });
  const gitEnv = { ...baseEnv, GIT_CONFIG_GLOBAL: gitconfig };
  // Git and usage on the 1,000-package tree: cold once to fill the cache, then warm.
  const withGit = ["--no-advisories"];
  await measured(
    "jenga cold git",
    process.execPath,
    jengaArgs(large.dir, path.join(work, "cache-g"), withGit),
    { env: gitEnv },
  );
  const warmGit = await measured(
    "jenga warm git",
    process.execPath,
    jengaArgs(large.dir, path.join(work, "cache-g"), withGit),
    { env: gitEnv },
  );
  row("jenga analyze with git and usage, warm cache", warmGit, ls, 2.0);
  // Memory: a cold run with git on the whole tree.
  const whole = await project("whole", [
    ...direct,
    ...Array.from({ length: 10 }, (_, i) => firstTree + i),
  ]);
  const coldGit = await measured(
    "jenga cold git 1500",
    process.execPath,
    jengaArgs(whole.dir, path.join(work, "cache-w"), withGit),
    { env: gitEnv },
  );
  row(
    `jenga analyze with git and usage, ${gitPackages} packages, cold`,
    coldGit,
    undefined,
    600,
    "MB",
  );
}
await registry.close();
rmSync(work, { recursive: true, force: true });

console.log("");
spawnSync(process.execPath, [path.join(here, "git.mjs")], {
  stdio: "inherit",
  env: {
    ...process.env,
    BENCH_COMMITS: process.env.BENCH_GIT_COMMITS ?? "100000",
    BENCH_RUNS: "1",
  },
});

// The code-usage bench needs a real application with node_modules installed: JENGA_BENCH_APP
// names one (see test/bench/usage.mjs).
if (process.env.JENGA_BENCH_APP) {
  console.log("");
  spawnSync(process.execPath, [path.join(here, "usage.mjs"), process.env.JENGA_BENCH_APP], {
    stdio: "inherit",
  });
} else
  console.log(
    "\ncode usage against Knip: skipped (set JENGA_BENCH_APP=<an app with node_modules>, see test/bench/usage.mjs)",
  );
