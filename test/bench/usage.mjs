#!/usr/bin/env node
// npm run bench:usage [-- <project>] [-- --rounds N]: the code-usage source's speed and memory
// on an application, against Knip run on the same project in the same run. Not a test: it
// prints, never asserts. Each side is measured N times (default 3), in interleaved rounds, and
// the medians are printed: on a shared machine one sample can be off by a third.
//
// Without <project> it writes a fixture application (1,000 TypeScript source files, a Vite +
// Sass front end and an express server, real dependencies and knip as a devDependency) into a
// temporary folder and installs it from the registry npm is configured for (`npm install
// --ignore-scripts`), so it needs no path from the user. <project> may instead be any JS/TS
// application with its dependencies installed, for example:
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
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const build = path.resolve(here, "../../.build");

/** One measured run of jenga's usage analysis; prints a JSON line. */
async function child(project, cacheDir) {
  const mod = (file) => import(pathToFileURL(path.join(build, file)).href);
  const { addFootprints, analyzeProjectSources, checkerFor, settlePeers } = await mod(
    "collectors/usage/collect-usage.js",
  );
  const { usageLimits } = await mod("collectors/usage/limits.js");
  const { createDiskCache } = await mod("cache/disk-cache.js");
  const cache = createDiskCache({ dir: cacheDir, mode: "normal", now: () => new Date() });
  // The calls analyzeProject makes, timed apart.
  const start = performance.now();
  const checker = await checkerFor(project, usageLimits, cache);
  const analysis = await analyzeProjectSources(project, usageLimits);
  const projectMs = performance.now() - start;
  const counters = { packagesRead: 0, filesParsed: 0, cacheHits: 0 };
  const depStart = performance.now();
  await addFootprints(project, analysis.packages, usageLimits, { cache, counters, checker });
  settlePeers(analysis.packages);
  await checker.close();
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

/** Exact versions, so every run installs the same code. */
const fixtureDependencies = {
  dependencies: {
    express: "4.21.2",
    zod: "3.24.1",
    "date-fns": "4.1.0",
    lodash: "4.17.21",
    react: "18.3.1",
    "react-dom": "18.3.1",
    uuid: "11.0.5",
    bootstrap: "5.3.3",
    "left-pad": "1.3.0",
  },
  devDependencies: {
    knip: "6.48.0",
    typescript: "5.9.3",
    vite: "6.0.7",
    vitest: "4.1.12",
    "@vitest/coverage-v8": "4.1.12",
    sass: "1.83.1",
    "@types/express": "5.0.0",
    "@types/lodash": "4.17.14",
    "@types/react": "18.3.18",
  },
};

/** `count` source files that use the dependencies the ways applications do; `left-pad` is never used. */
function writeFixture(dir, count) {
  const write = (file, text) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  write(
    "package.json",
    JSON.stringify(
      {
        name: "bench-fixture",
        private: true,
        type: "module",
        main: "src/server/index.ts",
        scripts: { build: "tsc -p . && vite build", test: "vitest run --coverage", knip: "knip" },
        ...fixtureDependencies,
      },
      null,
      2,
    ),
  );
  write(
    "tsconfig.json",
    JSON.stringify({
      compilerOptions: {
        strict: true,
        jsx: "react-jsx",
        module: "esnext",
        moduleResolution: "bundler",
      },
    }),
  );
  write("index.html", '<script type="module" src="/src/web/main.tsx"></script>\n');
  write("src/web/styles.scss", '@use "bootstrap/scss/functions";\nbody { margin: 0; }\n');
  const half = Math.floor(count / 2);
  const server = [];
  const web = [];
  for (let i = 0; i < count; i++) {
    if (i < half) {
      server.push(`./m${i}.js`);
      write(
        `src/server/m${i}.ts`,
        `import * as z from "zod";\nimport { format } from "date-fns";\nimport _ from "lodash";\nimport { v4 } from "uuid";\n` +
          `export const schema${i} = z.object({ id: z.string(), at: z.date() });\n` +
          `export function handle${i}(input: unknown): string {\n  const parsed = schema${i}.parse(input);\n  return _.get(parsed, "id") + format(parsed.at, "yyyy") + v4();\n}\n`,
      );
    } else {
      web.push(`./c${i}.js`);
      write(
        `src/web/c${i}.tsx`,
        `import { useState } from "react";\nimport "./styles.scss";\nexport function C${i}() {\n  const [n, setN] = useState(${i});\n  return <button type="button" onClick={() => setN(n + 1)}>{n}</button>;\n}\n`,
      );
    }
  }
  write(
    "src/server/index.ts",
    `import express from "express";\n${server.map((f, i) => `import * as s${i} from "${f}";`).join("\n")}\nconst app = express();\napp.get("/", (_req, res) => { res.json([${server.map((_, i) => `s${i}`).join(", ")}].length); });\napp.listen(3000);\n`,
  );
  write(
    "src/web/main.tsx",
    `import { createRoot } from "react-dom/client";\n${web.map((f, i) => `import * as w${i} from "${f}";`).join("\n")}\ncreateRoot(document.body).render(<div>{[${web.map((_, i) => `w${i}`).join(", ")}].length}</div>);\n`,
  );
  write(
    "test/server.test.ts",
    'import { expect, it } from "vitest";\nimport { handle0 } from "../src/server/m0.js";\nit("runs", () => expect(typeof handle0).toBe("function"));\n',
  );
}

/** Writes and installs the fixture application; returns its folder. */
function installFixture(work) {
  const dir = path.join(work, "app");
  writeFixture(dir, 1000);
  process.stderr.write(`installing the fixture application's dependencies into ${dir} …\n`);
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = run(npm, ["install", "--ignore-scripts", "--no-audit", "--no-fund"], { cwd: dir });
  if (result.status !== 0) {
    process.stderr.write(`npm install failed (exit ${result.status}):\n${result.stderr}\n`);
    process.exit(1);
  }
  return dir;
}

/** The middle value (the lower of the two middles for an even count). */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** `--rounds N` (default 3): how many times each side is measured, interleaved. */
function roundsFrom(args) {
  const at = args.indexOf("--rounds");
  if (at < 0) return { rounds: 3, rest: args };
  const n = Number(args[at + 1]);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write("--rounds takes a whole number of at least 1\n");
    process.exit(2);
  }
  return { rounds: n, rest: args.filter((_, i) => i !== at && i !== at + 1) };
}

async function main(args) {
  const { rounds, rest } = roundsFrom(args);
  const input = rest[0];
  const work = mkdtempSync(path.join(os.tmpdir(), "jenga-bench-usage-"));
  const project = input ? path.resolve(input) : installFixture(work);
  try {
    // Rounds of cold, warm and Knip, one after another, so that each ratio compares runs made
    // under the same load; the medians are printed (the machines are shared and noisy).
    const measured = [];
    for (let r = 0; r < rounds; r++) {
      const cacheDir = path.join(work, `cache-${r}`);
      const cold = jenga(project, cacheDir, "cold");
      const warm = jenga(project, cacheDir, "warm");
      measured.push({ cold, warm, knip: knip(project), cacheDir });
    }
    const { cold, warm, knip: k, cacheDir } = measured[0];
    const mid = (pick) => median(measured.map(pick));
    const spread = (pick) => {
      const values = measured.map(pick);
      return rounds > 1
        ? ` (${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)})`
        : "";
    };
    const s = (ms) => `${(ms / 1000).toFixed(2).padStart(7)} s`;
    const mb = (x) => (x === null ? "    ?" : `${x.toFixed(0).padStart(5)} MB`);
    const peak = (pick) => {
      const values = measured.map(pick).filter((x) => x !== null);
      return values.length > 0 ? Math.max(...values) : null;
    };
    console.log(
      `jenga bench:usage: ${path.basename(project)} — ${cold.filesParsed} files parsed, ${cold.packages} packages; medians of ${rounds} round(s), peaks the highest`,
    );
    console.log(`project side                         ${s(mid((m) => m.cold.projectMs))}`);
    console.log(
      `dependency side, empty cache (cold)  ${s(mid((m) => m.cold.dependencyMs))}   ${cold.counters.packagesRead} packages read, ${cold.counters.filesParsed} files parsed`,
    );
    console.log(
      `dependency side, warm cache          ${s(mid((m) => m.warm.dependencyMs))}   ${warm.counters.packagesRead} packages read, ${warm.counters.filesParsed} files parsed, ${warm.counters.cacheHits} from cache`,
    );
    console.log(
      `jenga cold, whole process            ${s(mid((m) => m.cold.seconds) * 1000)}   peak ${mb(peak((m) => m.cold.maxRssMb))} (goal < 300 MB per 1,000 files)`,
    );
    console.log(
      `jenga warm, whole process            ${s(mid((m) => m.warm.seconds) * 1000)}   peak ${mb(peak((m) => m.warm.maxRssMb))}`,
    );
    const cacheBytes = readdirSync(cacheDir, { recursive: true })
      .map((f) => statSync(path.join(cacheDir, f)))
      .reduce((sum, st) => sum + (st.isFile() ? st.size : 0), 0);
    console.log(`usage cache on disk                  ${(cacheBytes / 1024 / 1024).toFixed(1)} MB`);
    console.log(
      `knip, whole process                  ${s(mid((m) => m.knip.seconds) * 1000)}   peak ${mb(peak((m) => m.knip.maxRssMb))}`,
    );
    const coldRatio = (m) => m.cold.seconds / m.knip.seconds;
    const warmRatio = (m) => m.warm.seconds / m.knip.seconds;
    console.log(
      `ratio to knip, median of the rounds' ratios: cold ${mid(coldRatio).toFixed(2)}${spread(coldRatio)} (goal < 2.0), warm ${mid(warmRatio).toFixed(2)}${spread(warmRatio)} (goal < 1.0)`,
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

// Last, so every declaration above is initialised before it runs.
if (process.argv[2] === "--child") await child(process.argv[3], process.argv[4]);
else await main(process.argv.slice(2));
