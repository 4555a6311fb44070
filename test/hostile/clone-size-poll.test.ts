import { spawnSync } from "node:child_process";
import { mkdir, readdir as realReaddir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { cloneOrFetch } from "../../src/collectors/git/git-clone.js";
import { type GitSandbox, gitSandbox } from "../collectors/helpers/git-repo.js";

// Issue 15 item 3: a repository with 130,000 tags leaves as many loose ref files in the
// clone, and the size poll walked them every 250 ms whether or not the last walk had
// finished, until V8 ran out of memory. Scaled down: 5,000 tags, and every walk of the
// clone folder made slow (as 130,000 files make it) by a wrapped readdir.
const walkMs = 400;
const walks = vi.hoisted(() => ({ active: 0, most: 0, count: 0 }));

vi.mock("node:fs/promises", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs/promises")>();
  const readdir = (async (dir: string, options?: { recursive?: boolean }) => {
    if (!options?.recursive) return real.readdir(dir, options as never);
    walks.count++;
    walks.active++;
    walks.most = Math.max(walks.most, walks.active);
    try {
      await new Promise((resolve) => setTimeout(resolve, walkMs));
      return await real.readdir(dir, options as never);
    } finally {
      walks.active--;
    }
  }) as typeof real.readdir;
  return { ...real, readdir, default: { ...real, readdir } };
});

let sandbox: GitSandbox;
let url: string;
const tags = 5_000;

beforeAll(async () => {
  sandbox = await gitSandbox();
  url = await sandbox.repo("acme/tags", [
    { author: "Ana <ana@example.com>", date: "2025-01-01T00:00:00Z", message: "one" },
  ]);
  const refs = Array.from({ length: tags }, (_, i) => `create refs/tags/v${i} HEAD\n`).join("");
  const made = spawnSync("git", ["update-ref", "--stdin"], {
    cwd: path.join(sandbox.root, "remotes/acme/tags"),
    env: sandbox.env,
    input: refs,
  });
  expect(made.status).toBe(0);
});
afterAll(() => sandbox.cleanup());

describe("the clone size poll on a repository with many tags", () => {
  it("never walks the clone twice at once, and the clone succeeds", async () => {
    walks.most = 0;
    walks.count = 0;
    const gitDir = path.join(sandbox.root, "clones", "ok.git");
    await mkdir(path.dirname(gitDir), { recursive: true });
    const outcome = await cloneOrFetch(url, gitDir, {
      env: sandbox.env,
      limits: { timeoutMs: 60_000, maxBytes: 500 * 1024 * 1024 },
    });
    expect(outcome).toEqual({ ok: true, fresh: true });
    expect(walks.count).toBeGreaterThan(0);
    expect(walks.most).toBe(1);
    expect((await realReaddir(path.join(gitDir, "refs/tags"))).length).toBe(tags);
  });

  it("still holds the size limit, and leaves nothing behind", async () => {
    walks.most = 0;
    const dir = path.join(sandbox.root, "small");
    await mkdir(dir, { recursive: true });
    const outcome = await cloneOrFetch(url, path.join(dir, "over.git"), {
      env: sandbox.env,
      // 5,000 ref files take more than this even counted by their 41 bytes of content.
      limits: { timeoutMs: 60_000, maxBytes: 100_000 },
    });
    expect(outcome).toEqual({
      ok: false,
      status: "unavailable: repository over the size limit (1 MB)",
    });
    expect(walks.most).toBe(1);
    expect(await realReaddir(dir)).toEqual([]);
  });
});
