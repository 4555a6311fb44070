// Generated git repositories for `npm run bench`, behind the package tree of
// fixture-registry.mjs: one monorepo with a folder per package for the first `mono` packages,
// and a small repository for each other package. A git config maps the packages' repository
// host to them (insteadOf, file:// with filters allowed), so jenga clones them as it would
// clone a public host: blobless, then the source files of each package folder.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { repoHost } from "./fixture-registry.mjs";

const people = ["Ana <ana@example.com>", "Ben <ben@example.com>", "Chloe <chloe@example.com>"];

function fastImport(gitDir, stream, env) {
  spawnSync("git", ["init", "-q", "--bare", gitDir], { env });
  spawnSync("git", ["--git-dir", gitDir, "config", "uploadpack.allowFilter", "true"], { env });
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["--git-dir", gitDir, "fast-import", "--quiet"], {
      env,
      stdio: ["pipe", "ignore", "inherit"],
    });
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`fast-import ${gitDir}: ${code}`));
      spawnSync("git", ["--git-dir", gitDir, "symbolic-ref", "HEAD", "refs/heads/main"], { env });
      resolve();
    });
    child.stdin.end(stream);
  });
}

/** Commits touching files under the folders in turn, dated from 2018 on. */
function history(folders, commits, seed) {
  let out = "";
  let time = Date.parse("2018-01-01T00:00:00Z") / 1000 + seed * 60;
  for (let c = 0; c < commits; c++) {
    const who = people[(c + seed) % people.length];
    time += 86_400 / 4;
    const message = c % 50 === 7 ? `fix: CVE-2022-${1000 + c} escape` : `change ${c}`;
    out += `commit refs/heads/main\nauthor ${who} ${time} +0000\ncommitter ${who} ${time} +0000\n`;
    out += `data ${Buffer.byteLength(message)}\n${message}\n`;
    const folder = folders[c % folders.length];
    const prefix = folder ? `${folder}/` : "";
    for (const file of [`${prefix}index.js`, `${prefix}lib/f${c % 7}.js`]) {
      const content = `// ${c}\nexport const v = ${c};\n`;
      out += `M 100644 inline ${file}\ndata ${Buffer.byteLength(content)}\n${content}\n`;
    }
    if (c % 200 === 199)
      out += `tag v${Math.floor(c / 200)}.0.0\nfrom refs/heads/main\ntagger ${who} ${time} +0000\ndata 0\n`;
  }
  return out;
}

/** Writes the repositories under `dir` and a git config for them; returns the config's path. */
export async function generateRepos(dir, { count, mono, monoCommits = 5_000, smallCommits = 30 }) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const env = { PATH: process.env.PATH ?? "", HOME: dir, GIT_CONFIG_NOSYSTEM: "1" };
  const folders = Array.from({ length: mono }, (_, i) => `packages/p${i}`);
  await fastImport(path.join(dir, "mono.git"), history(folders, monoCommits, 0), env);
  const pending = [];
  for (let i = mono; i < count; i++) {
    pending.push(fastImport(path.join(dir, `r${i}.git`), history([""], smallCommits, i), env));
    if (pending.length >= 4) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending);
  const config = path.join(dir, "gitconfig");
  writeFileSync(
    config,
    `[url "file://${dir}/"]\n\tinsteadOf = ${repoHost}/\n[uploadpack]\n\tallowFilter = true\n[protocol "file"]\n\tallow = always\n`,
  );
  return config;
}
