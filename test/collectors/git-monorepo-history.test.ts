import { spawn, spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiskCache } from "../../src/cache/disk-cache.js";
import {
  createGitCollector,
  type GitRunner,
  systemGit,
} from "../../src/collectors/git/collect-git.js";
import { readGitHistories, readGitHistory } from "../../src/collectors/git/git-log.js";
import { gitSource } from "../../src/collectors/git/git-source.js";
import type { SourceRun } from "../../src/collectors/source.js";
import { okEvidence } from "../../src/collectors/types.js";
import { validate } from "../../src/config/load-config.js";
import { inventoryPackage, now, registryEvidence } from "../helpers/evidence.js";

// Issue 17 item 5: a monorepo's history is read once for all its package folders, and each
// folder's evidence is exactly what reading it alone with `git log -- <folder>` gives. The
// repository is generated (seeded) with branches, merges in both directions, a branch whose
// change to a folder is undone before its merge, renames within and across folders, deletions,
// a folder whose name prefixes another's, and a folder git prints quoted.

const folders = [
  "packages/a",
  "packages/b",
  "packages/c",
  "packages/c-utils",
  "packages/é",
  "tools",
  "empty-never",
];
const people = ["Ana <ana@example.com>", "Ben <ben@example.com>", "dependabot[bot] <bot@x.test>"];
const messages = ["fix: CVE-2021-1234 in parser", "feat: more", "fixes #12", "chore: deps"];

let root: string;
let gitDir: string;
const env: Record<string, string> = {
  PATH: process.env.PATH ?? "",
  GIT_CONFIG_NOSYSTEM: "1",
  HOME: os.tmpdir(),
};

/** A seeded random history written with git fast-import. */
function history(seed: number, commits: number): string {
  let state = seed;
  const random = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  const pick = <T>(xs: readonly T[]): T => xs[random(xs.length)] as T;
  const dirs = [...folders.slice(0, -1), ""];
  const branches = new Map<string, { mark: number; files: Map<string, string> }>();
  let mark = 0;
  let time = 1_500_000_000;
  let out = "";
  const commit = (branch: string, from: number | null, merge: number[], body: string[]) => {
    mark += 1;
    time += 3600;
    const who = pick(people);
    const message = `${pick(messages)} ${mark}\n\nbody line ${mark}\n`;
    out += `commit refs/heads/${branch}\nmark :${mark}\n`;
    out += `author ${who} ${time} +0000\ncommitter ${who} ${time} +0000\n`;
    out += `data ${Buffer.byteLength(message)}\n${message}`;
    if (from !== null) out += `from :${from}\n`;
    for (const m of merge) out += `merge :${m}\n`;
    out += body.join("");
    return mark;
  };
  const change = (files: Map<string, string>): string[] => {
    const body: string[] = [];
    const existing = [...files.keys()];
    for (let k = 0; k <= random(3); k++) {
      const op = random(10);
      const victim = existing.length > 0 ? pick(existing) : null;
      if (op < 5 || !victim) {
        const dir = pick(dirs);
        const file = `${dir ? `${dir}/` : ""}f${random(12)}.js`;
        const content = `// ${mark} ${k}\n`;
        files.set(file, content);
        body.push(`M 100644 inline ${file}\ndata ${Buffer.byteLength(content)}\n${content}\n`);
      } else if (op < 7 && files.has(victim)) {
        files.delete(victim);
        body.push(`D ${victim}\n`);
      } else if (files.has(victim)) {
        const dir = pick(dirs);
        const target = `${dir ? `${dir}/` : ""}r${mark}-${k}.js`;
        if (files.has(target)) continue;
        files.set(target, files.get(victim) as string);
        files.delete(victim);
        body.push(`R ${victim} ${target}\n`);
      }
    }
    return body;
  };
  const main = { mark: 0, files: new Map<string, string>() };
  main.mark = commit("main", null, [], change(main.files));
  branches.set("main", main);
  for (let i = 0; i < commits; i++) {
    const op = random(10);
    const names = [...branches.keys()].filter((b) => b !== "main");
    if (op < 2 && names.length < 3) {
      const name = `topic${i}`;
      branches.set(name, { mark: main.mark, files: new Map(main.files) });
    } else if (op < 4 && names.length > 0) {
      // A merge into main (the topic's tree wins for its files), or of main into the topic.
      const name = pick(names);
      const topic = branches.get(name) as { mark: number; files: Map<string, string> };
      const [into, other] = random(3) === 0 ? [topic, main] : [main, topic];
      if (topic.mark === main.mark) continue;
      const merged = new Map([...into.files, ...other.files]);
      const body = ["deleteall\n"];
      for (const [file, content] of merged)
        body.push(`M 100644 inline ${file}\ndata ${Buffer.byteLength(content)}\n${content}\n`);
      into.mark = commit(into === main ? "main" : name, into.mark, [other.mark], body);
      into.files = merged;
      if (into === main && random(2) === 0) branches.delete(name);
    } else if (op < 5 && names.length > 0) {
      // A topic undoes its changes to one file: its merge may equal main in that folder.
      const name = pick(names);
      const topic = branches.get(name) as { mark: number; files: Map<string, string> };
      const file = [...topic.files.keys()].find((f) => main.files.get(f) !== topic.files.get(f));
      const content = file ? main.files.get(file) : undefined;
      if (!file || content === undefined) continue;
      topic.files.set(file, content);
      const body = [`M 100644 inline ${file}\ndata ${Buffer.byteLength(content)}\n${content}\n`];
      topic.mark = commit(name, topic.mark, [], body);
    } else {
      const name = op < 7 && names.length > 0 ? pick(names) : "main";
      const branch = branches.get(name) as { mark: number; files: Map<string, string> };
      branch.mark = commit(name, branch.mark, [], change(branch.files));
    }
  }
  return out;
}

async function fastImport(stream: string): Promise<void> {
  const child = spawn("git", ["--git-dir", gitDir, "fast-import", "--quiet"], {
    env,
    stdio: ["pipe", "inherit", "inherit"],
  });
  child.stdin.end(stream);
  const code = await new Promise((resolve) => child.on("close", resolve));
  expect(code).toBe(0);
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "jenga-monorepo-"));
  gitDir = path.join(root, "remotes", "acme", "mono.git");
  // The collector clones https://example.test/acme/mono.git from here, as from a public host.
  await writeFile(
    path.join(root, "gitconfig"),
    `[url "${root}/remotes/"]\n\tinsteadOf = https://example.test/\n`,
  );
  env.GIT_CONFIG_GLOBAL = path.join(root, "gitconfig");
  spawnSync("git", ["init", "-q", "--bare", gitDir], { env });
  await fastImport(history(7, 400));
  spawnSync("git", ["--git-dir", gitDir, "symbolic-ref", "HEAD", "refs/heads/main"], { env });
  await writeFile(path.join(gitDir, "jenga-mailmap"), "");
}, 60_000);
afterAll(() => rm(root, { recursive: true, force: true }));

const options = { env, timeoutMs: 60_000 };

describe("one history pass for a monorepo's package folders", () => {
  it("gives each folder what reading it alone gives, merges and renames included", async () => {
    const merges = spawnSync("git", ["--git-dir", gitDir, "rev-list", "--merges", "HEAD"], {
      env,
      encoding: "utf8",
    }).stdout.split("\n").length;
    expect(merges).toBeGreaterThan(20);
    const all = [...folders, null];
    const together = await readGitHistories(gitDir, "https://example.test/mono", all, options);
    let commits = 0;
    for (const folder of all) {
      const alone = await readGitHistory(
        gitDir,
        { url: "https://example.test/mono", directory: folder },
        options,
      );
      expect(together.get(folder), `folder ${folder}`).toEqual(alone);
      commits += alone.commitTimes.length;
    }
    // The comparison means something: the folders have histories, and the prefix trap is there.
    expect(together.get("packages/c")?.commitTimes.length).toBeGreaterThan(10);
    expect(together.get("packages/é")?.fileCount).toBeGreaterThan(0);
    expect(together.get("empty-never")?.commitTimes).toEqual([]);
    expect(commits).toBeGreaterThan(400);
  }, 60_000);
});

describe("the git collector on a monorepo", () => {
  /** systemGit, counting its clones and history passes. */
  const counting = () => {
    const calls = { clones: 0, passes: 0, folders: 0 };
    const runner: GitRunner = {
      ...systemGit,
      cloneOrFetch(...args) {
        calls.clones += 1;
        return systemGit.cloneOrFetch(...args);
      },
      readHistory(...args) {
        calls.passes += 1;
        return systemGit.readHistory(...args);
      },
      readHistories(gitDir, url, directories, options) {
        calls.passes += 1;
        calls.folders += directories.length;
        return (systemGit.readHistories as NonNullable<GitRunner["readHistories"]>)(
          gitDir,
          url,
          directories,
          options,
        );
      },
    };
    return { runner, calls };
  };
  const targets = folders.map((directory) => ({
    url: "https://example.test/acme/mono.git",
    directory,
  }));
  const collector = (name: string, runner: GitRunner) =>
    createGitCollector({
      cache: createDiskCache({ dir: path.join(root, name), mode: "normal", now: () => now }),
      now: () => now,
      env,
      concurrency: 4,
      offline: false,
      runner,
    });

  it("clones once and reads the history once for all the folders asked at once", async () => {
    const { runner, calls } = counting();
    const git = collector("cache-all", runner);
    const results = await Promise.all(targets.map((t) => git.collect(t)));
    expect(results.map((r) => r.status)).toEqual(targets.map(() => "ok"));
    expect(calls).toEqual({ clones: 1, passes: 1, folders: folders.length });
    const alone = await readGitHistory(gitDir, targets[0] as (typeof targets)[0], options);
    expect(results[0]?.data?.commitTimes).toEqual(alone.commitTimes);
  }, 60_000);

  it("reads them in one pass too when they are announced and then asked two at a time", async () => {
    const { runner, calls } = counting();
    const git = collector("cache-announced", runner);
    git.expect(targets);
    for (let i = 0; i < targets.length; i += 2) {
      const results = await Promise.all(targets.slice(i, i + 2).map((t) => git.collect(t)));
      expect(results.map((r) => r.status)).toEqual(results.map(() => "ok"));
    }
    expect(calls).toEqual({ clones: 1, passes: 1, folders: folders.length });
  }, 60_000);

  it("reads them in one pass through the git source when the runner announces each package", async () => {
    const { runner, calls } = counting();
    const run: SourceRun = {
      paths: [root],
      cwd: root,
      env,
      home: os.tmpdir(),
      toolVersion: "0.0.0-test",
      cache: createDiskCache({
        dir: path.join(root, "cache-source"),
        mode: "normal",
        now: () => now,
      }),
      now: () => now,
      offline: false,
      concurrency: 4,
      config: validate("test", {}),
      flags: { git: true, usage: false, advisories: false, single: false },
      http: null,
      injected: { gitRunner: runner },
    };
    const session = await gitSource.open(run);
    const asked = targets.map((t, i) => ({
      pkg: inventoryPackage({ name: `pkg-${i}` }),
      needed: {
        registry: okEvidence(
          "registry",
          registryEvidence({}, { repository: { url: `git+${t.url}`, directory: t.directory } }),
          "t",
          false,
        ),
      },
    }));
    for (const { pkg, needed } of asked) session.announce?.(pkg, needed);
    for (let i = 0; i < asked.length; i += 2) {
      const pair = asked.slice(i, i + 2);
      const results = await Promise.all(pair.map((a) => session.collect(a.pkg, a.needed)));
      expect(results.map((r) => r.status)).toEqual(results.map(() => "ok"));
    }
    await session.close?.();
    expect(calls).toEqual({ clones: 1, passes: 1, folders: folders.length });
  }, 60_000);
});
