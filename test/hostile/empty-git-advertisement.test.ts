import { appendFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiskCache } from "../../src/cache/disk-cache.js";
import { createGitCollector, type GitContext } from "../../src/collectors/git/collect-git.js";
import { type GitSandbox, gitSandbox } from "../collectors/helpers/git-repo.js";
import { now } from "../helpers/evidence.js";

// Issue 15 item 16: a server that advertises no refs at all (an empty repository, or a
// host that answers nothing useful) read as `git: ok` with 0 commits, cached for a day.
// Nothing was read: that is unavailable, and nothing is cached.
let sandbox: GitSandbox;
let server: Server;
let requests = 0;

beforeAll(async () => {
  sandbox = await gitSandbox();
  // A smart-HTTP git server whose advertisement lists no refs: a service line, then flush.
  server = createServer((req, res) => {
    requests++;
    if (!req.url?.includes("/info/refs")) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": "application/x-git-upload-pack-advertisement" });
    res.end("001e# service=git-upload-pack\n00000000");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await appendFile(
    sandbox.env.GIT_CONFIG_GLOBAL as string,
    `[url "http://127.0.0.1:${port}/"]\n\tinsteadOf = https://empty.example.test/\n`,
  );
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await sandbox.cleanup();
});

function context(cacheDir: string): GitContext {
  return {
    cache: createDiskCache({ dir: cacheDir, mode: "normal", now: () => now }),
    now: () => now,
    env: sandbox.env,
    concurrency: 1,
    offline: false,
  };
}

async function collectTwice(url: string, cacheDir: string) {
  const first = await createGitCollector(context(cacheDir)).collect({ url, directory: null });
  // Nothing cached: a second run asks again rather than repeating "ok" for a day.
  const second = await createGitCollector(context(cacheDir)).collect({ url, directory: null });
  return [first, second];
}

describe("an empty git advertisement", () => {
  it("from a server that lists no refs is unavailable, and not cached", async () => {
    const cacheDir = path.join(sandbox.root, "c1");
    const before = requests;
    for (const result of await collectTwice("https://empty.example.test/acme/nothing", cacheDir)) {
      expect(result.status).toMatch(/^unavailable: /);
      expect(result.data).toBeNull();
    }
    expect(requests).toBeGreaterThan(before + 1);
  });

  it("from a repository with no commits is unavailable, and not cached", async () => {
    const url = await sandbox.repo("acme/empty", []);
    const cacheDir = path.join(sandbox.root, "c2");
    for (const result of await collectTwice(url, cacheDir)) {
      expect(result.status).toBe("unavailable: the repository has no commits");
      expect(result.data).toBeNull();
    }
  });
});
