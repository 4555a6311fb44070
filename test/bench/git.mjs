#!/usr/bin/env node
// npm run bench:git: jenga's git history extraction on a generated 100,000-commit repository,
// as a ratio against plain git printing the same facts in the same run on the same machine:
// `git log --use-mailmap --name-status -M100%` with jenga's format (bodies included, which the
// security-fix and closes-#n classification reads), `git ls-tree -r HEAD` and the tags. Goal:
// ratio <= 1.5.
// Also reports jenga's peak RSS (the log is streamed, so it should not grow with history).
// Not a test: it prints, never asserts. BENCH_COMMITS changes the size.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const gitLog = path.resolve(here, "../../.build/collectors/git/git-log.js");
const commits = Number(process.env.BENCH_COMMITS ?? 100_000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const work = mkdtempSync(path.join(os.tmpdir(), "jenga-bench-git-"));
const repo = path.join(work, "repo.git");
const env = { PATH: process.env.PATH ?? "", HOME: work, GIT_CONFIG_NOSYSTEM: "1" };

const authors = [
  "Ana <ana@example.com>",
  "Ben <ben@example.com>",
  "Chloe <chloe@example.com>",
  "Dev <dev@example.com>",
  "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>",
];
const files = 3000;

/** A fast-import stream: each commit edits one to three files, every 500th renames one. */
async function generate() {
  spawnSync("git", ["init", "-q", "--bare", repo], { env });
  const child = spawn("git", ["--git-dir", repo, "fast-import", "--quiet"], {
    env,
    stdio: ["pipe", "inherit", "inherit"],
  });
  const start = Date.parse("2010-01-01T00:00:00Z") / 1000;
  const names = Array.from({ length: files }, (_, i) => `src/dir${i % 40}/file${i}.js`);
  let chunk = "";
  const flush = async () => {
    if (!child.stdin.write(chunk)) await new Promise((r) => child.stdin.once("drain", r));
    chunk = "";
  };
  for (let i = 0; i < commits; i++) {
    const who = authors[i % 7 === 0 ? 4 : i % 4];
    const time = start + i * 3000;
    const message = i % 997 === 0 ? `fix: CVE-2020-${1000 + i} escape input` : `change ${i}`;
    chunk += `commit refs/heads/main\nauthor ${who} ${time} +0000\ncommitter ${who} ${time} +0000\n`;
    chunk += `data ${Buffer.byteLength(message)}\n${message}\n`;
    const touched =
      i < files ? [i] : [i % files, (i * 7) % files, (i * 13) % files].slice(0, 1 + (i % 3));
    for (const f of touched) {
      const content = `// ${i}\n`;
      chunk += `M 100644 inline ${names[f]}\ndata ${content.length}\n${content}\n`;
    }
    if (i > files && i % 500 === 0) {
      const f = i % files;
      const renamed = names[f].replace(/\.js$/, `-r${i}.js`);
      chunk += `R ${names[f]} ${renamed}\n`;
      names[f] = renamed;
    }
    if (i % 10_000 === 0)
      chunk += `tag v${i / 10_000}.0.0\nfrom refs/heads/main\ntagger ${who} ${time} +0000\ndata 0\n`;
    if (chunk.length > 1 << 20) await flush();
  }
  await flush();
  child.stdin.end();
  await new Promise((r) => child.on("close", r));
  spawnSync("git", ["--git-dir", repo, "symbolic-ref", "HEAD", "refs/heads/main"], { env });
  spawnSync("git", ["--git-dir", repo, "gc", "-q"], { env });
}

function timed(command, args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, {
    env,
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 1 << 30,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")}: ${result.stderr}`);
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, stdout: result.stdout };
}

/** Plain git printing the same facts jenga reads: the log with bodies and changes, the tree, the tags. */
function reference() {
  const git = ["--git-dir", repo];
  const log = timed("git", [
    ...git,
    "log",
    "--use-mailmap",
    "--name-status",
    "-M100%",
    "--format=%x1e%H%x1f%aN%x1f%aE%x1f%at%x1f%s%x1f%b%x1d",
    "HEAD",
  ]);
  const tree = timed("git", [...git, "ls-tree", "-r", "HEAD"]);
  const tags = timed("git", [
    ...git,
    "for-each-ref",
    "refs/tags",
    "--format=%(creatordate:unix)%09%(refname:strip=2)",
  ]);
  return log.seconds + tree.seconds + tags.seconds;
}

function ours() {
  const script = `
    const { readGitHistory } = await import(${JSON.stringify(gitLog)});
    const e = await readGitHistory(${JSON.stringify(repo)}, { url: "bench", directory: null },
      { env: process.env, timeoutMs: 600000 });
    process.stdout.write(JSON.stringify({ commits: e.commitTimes.length, files: e.files.length,
      tags: e.tags.length, security: e.securityFixTimes.length,
      rssMb: process.resourceUsage().maxRSS / 1024, cacheKb: JSON.stringify(e).length / 1024 }));`;
  const run = timed(process.execPath, ["--input-type=module", "-e", script]);
  return { seconds: run.seconds, ...JSON.parse(run.stdout) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const genStart = Date.now();
await generate();
console.log(
  `jenga git bench: ${commits} commits generated in ${((Date.now() - genStart) / 1000).toFixed(1)} s`,
);
const refs = [];
const mine = [];
for (let i = 0; i < runs; i++) {
  refs.push(reference());
  mine.push(ours());
}
const ref = median(refs);
const our = median(mine.map((m) => m.seconds));
const last = mine[mine.length - 1];
const line = (label, s, extra = "") =>
  console.log(`${label.padEnd(52)} ${s.toFixed(2).padStart(7)} s ${extra}`);
line("git log --name-status -M100% with bodies, ls-tree, for-each-ref", ref, "(reference)");
line(
  "jenga readGitHistory (3 streamed passes + rev-parse)",
  our,
  `ratio ${(our / ref).toFixed(2)} (goal <= 1.5)`,
);
console.log(
  `jenga: ${last.commits} commits, ${last.files} files with authorship, ${last.tags} tags, ` +
    `${last.security} security fixes; peak RSS ${last.rssMb.toFixed(0)} MB; evidence ${last.cacheKb.toFixed(0)} KB as JSON`,
);
rmSync(work, { recursive: true, force: true });
