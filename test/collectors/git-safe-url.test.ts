import { describe, expect, it } from "vitest";
import { createDiskCache } from "../../src/cache/disk-cache.js";
import { createGitCollector, type GitRunner } from "../../src/collectors/git/collect-git.js";
import { safeRepoUrl } from "../../src/collectors/git/safe-repo-url.js";
import { now } from "../helpers/evidence.js";

const hostile: [string, string][] = [
  ["ext:: remote helper", "ext::sh -c touch% pwned"],
  ["ext:: without spaces", "ext::sh"],
  ["fd:: remote helper", "fd::17"],
  ["another <helper>::", "transport::https://example.com/x"],
  ["option injection", "--upload-pack=touch pwned"],
  ["ssh option injection", "-oProxyCommand=touch pwned"],
  ["file URL", "file:///etc"],
  ["absolute path", "/etc/passwd"],
  ["relative path", "../../etc"],
  ["home path", "~/secrets"],
  ["credentials", "https://user:pass@example.com/owner/repo.git"],
  ["a token as user", "https://ghp_token@example.com/owner/repo.git"],
  ["newline", "https://example.com/owner/repo\n--upload-pack=x"],
  ["space", "https://example.com/owner/repo --upload-pack=x"],
  ["NUL", "https://example.com/owner/repo\u0000"],
  ["10,000 characters", `https://example.com/${"a".repeat(10_000)}`],
  ["http (no TLS)", "http://example.com/owner/repo"],
  ["javascript", "javascript:alert(1)"],
  ["scp-like host option", "git@-oProxyCommand=x:owner/repo"],
  ["scp-like path option", "git@example.com:-owner/repo"],
  ["empty", ""],
  ["no path", "https://example.com/"],
];

const accepted = [
  "https://github.com/owner/repo.git",
  "https://example.test/acme/widget",
  "ssh://git@github.com/owner/repo.git",
  "git://example.com/owner/repo.git",
  "git@github.com:owner/repo.git",
];

function spyRunner() {
  const calls: string[] = [];
  const runner: GitRunner = {
    async cloneOrFetch(url) {
      calls.push(`clone ${url}`);
      return { ok: false, status: "unavailable: test" };
    },
    async readHistory(gitDir) {
      calls.push(`history ${gitDir}`);
      throw new Error("not reached");
    },
  };
  return { runner, calls };
}

describe("repository URLs from package metadata", () => {
  it.each(hostile)("refuses %s and never runs git", async (_, url) => {
    expect(safeRepoUrl(url).ok).toBe(false);
    const { runner, calls } = spyRunner();
    const collector = createGitCollector({
      cache: createDiskCache({ dir: "never-created", mode: "normal", now: () => now }),
      now: () => now,
      env: {},
      concurrency: 1,
      offline: false,
      runner,
    });
    const result = await collector.collect({ url, directory: null });
    expect(result.status).toMatch(/^unavailable: /);
    expect(result.data).toBeNull();
    expect(calls).toEqual([]);
  });

  it.each(accepted)("accepts %s", (url) => {
    expect(safeRepoUrl(url)).toEqual({ ok: true, url });
  });
});
