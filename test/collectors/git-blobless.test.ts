import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { rename } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiskCache } from "../../src/cache/disk-cache.js";
import {
  createGitCollector,
  type GitContext,
  type GitRunner,
  systemGit,
} from "../../src/collectors/git/collect-git.js";
import type { GitEvidence } from "../../src/collectors/git/types.js";
import { defaultPolicy } from "../../src/scoring/policy.js";
import { computeSignals } from "../../src/signals/compute-signals.js";
import { inventoryPackage, now } from "../helpers/evidence.js";
import { widgetHistory } from "./git-widget-fixture.js";
import { type CommitSpec, type GitSandbox, gitSandbox } from "./helpers/git-repo.js";

/**
 * Repositories cloned the way public hosts serve them: real partial clones with
 * no file contents. The clone step then fetches HEAD's source files under the
 * package's folder, and nothing else; reading history never fetches anything
 * (git is allowed no transport then).
 */
let sandbox: GitSandbox;
let widget: string;
let mono: string;

const ana = "Ana <ana@example.com>";
const monoHistory: CommitSpec[] = [
  {
    author: ana,
    date: "2025-01-01T00:00:00Z",
    message: "one",
    files: {
      "packages/one/index.js": "a\nb\n", // 4 bytes, 2 lines
      "packages/one/lib/x.ts": "one\r\ntwo", // 8 bytes, 2 lines (the last unterminated)
      "packages/one/empty.js": "", // 0 bytes, 0 lines
      "packages/one/README.md": "# one\n",
      "packages/one/data.json": "{}\n",
    },
  },
  {
    author: ana,
    date: "2025-02-01T00:00:00Z",
    message: "two",
    files: { "packages/two/b.js": "1\n2\n3\n", "root.js": "r\n" },
  },
];

beforeAll(async () => {
  sandbox = await gitSandbox({ blobless: true });
  widget = await sandbox.repo("acme/widget", widgetHistory);
  mono = await sandbox.repo("acme/mono", monoHistory);
});
afterAll(() => sandbox.cleanup());

const statuses = { registry: "ok", git: "ok", advisories: "-", issues: "-", usage: "-" };
const signalsOf = (git: GitEvidence) =>
  computeSignals(inventoryPackage(), { git }, statuses, now, defaultPolicy);

function context(cacheDir: string, extra: Partial<GitContext> = {}) {
  const cache = createDiskCache({ dir: cacheDir, mode: "normal", now: () => now });
  const ctx: GitContext = {
    cache,
    now: () => now,
    env: sandbox.env,
    concurrency: 2,
    offline: false,
    ...extra,
  };
  const cloneDir = () => {
    const repos = path.join(cache.dir, "git-repos");
    return path.join(repos, readdirSync(repos).find((f) => f.endsWith(".git")) ?? "");
  };
  const git = (args: string[]) =>
    spawnSync("git", ["--git-dir", cloneDir(), ...args], { env: sandbox.env, encoding: "utf8" });
  /** Blob contents the clone holds, sorted. */
  const blobs = () =>
    git(["cat-file", "--batch-all-objects", "--batch-check=%(objecttype) %(objectname)"])
      .stdout.split("\n")
      .filter((l) => l.startsWith("blob "))
      .map((l) => git(["cat-file", "blob", l.slice(5)]).stdout)
      .sort();
  return { ctx, git, blobs };
}

const collect = async (ctx: GitContext, url: string, directory: string | null) => {
  const result = await createGitCollector(ctx).collect({ url, directory });
  expect(result.status).toBe("ok");
  return result.data as GitEvidence;
};

describe("HEAD's source files in a blobless clone", () => {
  it("fetches only the package folder's source files and README at HEAD, and counts files, bytes and lines", async () => {
    const { ctx, git, blobs } = context(path.join(sandbox.root, "mono"));
    const one = await collect(ctx, mono, "packages/one");
    expect(git(["config", "remote.origin.promisor"]).stdout.trim()).toBe("true");
    // The folder's README rides along in the same fetch, for its notices.
    expect(blobs()).toEqual(["", "# one\n", "a\nb\n", "one\r\ntwo"]);
    expect([one.sourceFiles, one.sourceBytes, one.sourceLines]).toEqual([3, 12, 4]);
    expect(one.fileCount).toBe(5);
    expect(one.sourceNote).toBeUndefined();
    const s = signalsOf(one);
    expect(s.codeBytes).toMatchObject({ value: 12, detail: { sourceFiles: 3 } });
    expect(s.linesOfCode).toMatchObject({ value: 4, detail: { sourceFiles: 3 } });

    // Another package of the same repository: its own files only, one more blob.
    const two = await collect(ctx, mono, "packages/two");
    expect([two.sourceFiles, two.sourceBytes, two.sourceLines]).toEqual([1, 6, 3]);
    expect(blobs()).toHaveLength(5);
  });

  it("measures a whole repository like a full clone does", async () => {
    const { ctx, blobs } = context(path.join(sandbox.root, "widget"));
    const evidence = await collect(ctx, widget, null);
    const full = await gitSandbox();
    try {
      const url = await full.repo("acme/widget", widgetHistory);
      const complete = await collect(
        { ...ctx, cache: createDiskCache({ dir: full.cacheDir, mode: "normal", now: () => now }) },
        url,
        null,
      );
      expect(complete.sourceFiles).toBe(4); // a.js, b.js, d.js, lib/c.js
      expect(complete.sourceBytes).toBe(8); // "a4", "b2", "d2", "c1"
      expect(complete.sourceLines).toBe(4);
      expect({ ...evidence, url: "" }).toEqual({ ...complete, url: "" });
    } finally {
      await full.cleanup();
    }
    // The .mailmap (copied out while online) and the four source files; not package.json.
    expect(blobs()).toHaveLength(5);
  });

  it("leaves size and lines unknown, with the reason, when the fetch fails", async () => {
    const remote = path.join(sandbox.root, "remotes", "acme", "mono");
    const runner: GitRunner = {
      ...systemGit,
      async cloneOrFetch(url, dir, options) {
        const outcome = await systemGit.cloneOrFetch(url, dir, options);
        await rename(remote, `${remote}-gone`); // the host goes away between the two requests
        return outcome;
      },
    };
    const { ctx, blobs } = context(path.join(sandbox.root, "failed"), { runner });
    let evidence: GitEvidence;
    try {
      evidence = await collect(ctx, mono, "packages/one");
    } finally {
      await rename(`${remote}-gone`, remote);
    }
    expect(blobs()).toEqual([]);
    expect(evidence.sourceFiles).toBe(3);
    expect([evidence.sourceBytes, evidence.sourceLines]).toEqual([null, null]);
    expect(evidence.sourceNote).toMatch(/^contents not fetched: /);
    const s = signalsOf(evidence);
    expect(s.codeBytes?.value).toBeNull();
    expect(s.codeBytes?.note).toMatch(/^blobless clone: contents not fetched: /);
    expect(s.linesOfCode?.value).toBeNull();
    expect(s.linesOfCode?.note).toBe(s.codeBytes?.note);
  });

  it("fetches nothing for a folder over the file limit", async () => {
    const { ctx, blobs } = context(path.join(sandbox.root, "capped"), {
      limits: { maxSourceFiles: 2 },
    });
    const evidence = await collect(ctx, mono, "packages/one");
    expect(blobs()).toEqual([]);
    expect(evidence.sourceBytes).toBeNull();
    expect(evidence.sourceNote).toBe("over 2 source files, contents not fetched");
  });

  it("never fetches while reading history: without the fetch step, contents stay unknown", async () => {
    const { fetchSourceBlobs: _skipped, readHistories: _perFolder, ...noBlobFetch } = systemGit;
    let reads = 0;
    const runner: GitRunner = {
      ...noBlobFetch,
      readHistory(dir, target, options) {
        reads++;
        return systemGit.readHistory(dir, target, options);
      },
    };
    const { ctx, blobs } = context(path.join(sandbox.root, "read-only"), { runner });
    const evidence = await collect(ctx, widget, null);
    expect(reads).toBe(1);
    // Only the .mailmap, copied while cloning: reading history fetched no file.
    expect(blobs()).toHaveLength(1);
    expect(evidence.sourceFiles).toBe(4);
    expect([evidence.sourceBytes, evidence.sourceLines]).toEqual([null, null]);
    expect(signalsOf(evidence).codeBytes?.note).toMatch(/blobless clone/);
  });
});
