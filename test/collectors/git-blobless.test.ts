import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiskCache } from "../../src/cache/disk-cache.js";
import { createGitCollector } from "../../src/collectors/git/collect-git.js";
import type { GitEvidence } from "../../src/collectors/git/types.js";
import { computeSignals } from "../../src/signals/compute-signals.js";
import { inventoryPackage, now } from "../helpers/evidence.js";
import { widgetHistory } from "./git-widget-fixture.js";
import { type GitSandbox, gitSandbox } from "./helpers/git-repo.js";

/**
 * The widget library again, but cloned the way public hosts serve it: a real
 * partial clone with no file contents. Reading it must never fetch a blob (git
 * is not allowed any transport while reading), so file sizes are unknown.
 */
let sandbox: GitSandbox;
let evidence: GitEvidence;
let cacheRoot = "";

const collect = async (box: GitSandbox) => {
  const url = await box.repo("acme/widget", widgetHistory);
  const cache = createDiskCache({ dir: box.cacheDir, mode: "normal", now: () => now });
  cacheRoot ||= cache.dir;
  const collector = createGitCollector({
    cache,
    now: () => now,
    env: box.env,
    concurrency: 1,
    offline: false,
  });
  const result = await collector.collect({ url, directory: null });
  expect(result.status).toBe("ok");
  return result.data as GitEvidence;
};

beforeAll(async () => {
  sandbox = await gitSandbox({ blobless: true });
  evidence = await collect(sandbox);
});
afterAll(() => sandbox.cleanup());

const cloneDir = () => {
  const repos = path.join(cacheRoot, "git-repos");
  return path.join(repos, readdirSync(repos).find((f) => f.endsWith(".git")) ?? "");
};
const git = (args: string[]) =>
  spawnSync("git", ["--git-dir", cloneDir(), ...args], { env: sandbox.env, encoding: "utf8" });

describe("git history of a blobless clone", () => {
  it("is a partial clone holding only the .mailmap's contents", () => {
    expect(git(["config", "remote.origin.promisor"]).stdout.trim()).toBe("true");
    const blobs = git([
      "cat-file",
      "--batch-all-objects",
      "--batch-check=%(objecttype)",
    ]).stdout.match(/^blob$/gm);
    expect(blobs).toHaveLength(1);
  });

  it("reads the same history, files and tags as a full clone, and no file sizes", async () => {
    const full = await gitSandbox();
    try {
      const complete = await collect(full);
      expect(complete.sourceFiles).toBe(4); // a.js, b.js, d.js, lib/c.js
      expect(complete.sourceBytes).toBe(8); // "a4", "b2", "d2", "c1"
      expect({ ...evidence, url: "", sourceBytes: 8 }).toEqual({ ...complete, url: "" });
    } finally {
      await full.cleanup();
    }
    expect(evidence.sourceFiles).toBe(4);
    expect(evidence.sourceBytes).toBeNull();
  });

  it("says why the source size is unknown", () => {
    const statuses = { registry: "ok", git: "ok", advisories: "-", issues: "-", usage: "-" };
    const s = computeSignals(inventoryPackage(), { git: evidence }, statuses, now);
    expect(s.sourceFiles?.value).toBe(4);
    expect(s.sourceFiles?.detail).toEqual({ files: 6 });
    expect(s.codeBytes?.value).toBeNull();
    expect(s.codeBytes?.note).toMatch(/blobless clone/);
  });
});
