import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDiskCache } from "../../src/cache/disk-cache.js";
import {
  createGitCollector,
  type GitRunner,
  hostOf,
} from "../../src/collectors/git/collect-git.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "jenga-git-probe-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function collectorFailingWith(status: string) {
  const cloned: string[] = [];
  const runner: GitRunner = {
    async cloneOrFetch(url) {
      cloned.push(url);
      return { ok: false, status };
    },
    readHistory: () => Promise.reject(new Error("no history without a clone")),
  };
  const cache = createDiskCache({ dir, mode: "normal", now: () => new Date() });
  const collector = createGitCollector({
    cache,
    now: () => new Date(),
    env: {},
    concurrency: 4,
    offline: false,
    runner,
  });
  return { collector, cloned };
}

const repos = ["a", "b", "c", "d"].map((r) => ({
  url: `https://git.example.org/team/${r}`,
  directory: null,
}));

describe("the first clone from a host", () => {
  it("answers for the whole host when the host is unreachable", async () => {
    const { collector, cloned } = collectorFailingWith(
      "unavailable: Could not resolve host: git.example.org",
    );
    const results = await Promise.all(repos.map((r) => collector.collect(r)));
    expect(cloned).toHaveLength(1);
    expect(new Set(results.map((r) => r.status))).toEqual(
      new Set(["unavailable: Could not resolve host: git.example.org"]),
    );
  });

  it("does not stop the other repositories when only its own repository failed", async () => {
    const { collector, cloned } = collectorFailingWith("unavailable: repository 'x' not found");
    await Promise.all(repos.map((r) => collector.collect(r)));
    expect(cloned).toHaveLength(4);
  });

  it("does not stop the others when its clone hit the time limit", async () => {
    const { collector, cloned } = collectorFailingWith("unavailable: clone timed out after 180s");
    await Promise.all(repos.map((r) => collector.collect(r)));
    expect(cloned).toHaveLength(4);
  });
});

describe("hostOf", () => {
  it.each([
    ["https://GitHub.com/a/b", "github.com"],
    ["ssh://git@git.example.org:2222/a/b", "git.example.org"],
    ["git@git.example.org:a/b.git", "git.example.org"],
    ["git://host.example/a", "host.example"],
  ])("%s → %s", (url, host) => expect(hostOf(url)).toBe(host));
});
