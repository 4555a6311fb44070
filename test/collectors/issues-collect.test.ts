import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createDiskCache } from "../../src/cache/disk-cache.js";
import { createIssuesCollector } from "../../src/collectors/issues/collect-issues.js";
import { createGitHubClient } from "../../src/collectors/issues/github-client.js";
import { now } from "../helpers/evidence.js";
import { type GitHubApiServer, startGitHubApi, widgetRoutes } from "./github-api-server.js";

const TOKEN = "ghp_testTOKEN0123456789abcdefSECRET";
const widget = { url: "https://github.com/example/widget", directory: null };
let server: GitHubApiServer | null = null;
let cacheDir: string | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
  if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
  cacheDir = null;
});

async function setUp(
  routes = widgetRoutes(),
  options: { remaining?: number; token?: string | null } = {},
) {
  server = await startGitHubApi(routes, options);
  cacheDir = await mkdtemp(path.join(tmpdir(), "jenga-issues-"));
  const api = createGitHubClient({
    baseUrl: server.url,
    token: options.token === undefined ? TOKEN : options.token,
    sleep: async () => {},
    backoff: { baseMs: 1, maxMs: 2 },
    now: () => now.getTime(),
  });
  const cache = createDiskCache({ dir: cacheDir, mode: "normal", now: () => now });
  return { api, cache, collector: createIssuesCollector({ api, cache, now: () => now }) };
}

async function cacheText(dir: string): Promise<string> {
  const files = await readdir(dir, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(
    files.filter((f) => f.isFile()).map((f) => readFile(path.join(f.parentPath, f.name), "utf8")),
  );
  return texts.join("\n");
}

describe("issue evidence for a GitHub repository", () => {
  it("reads the window's issues, open backlog, first responses, files and README in 11 requests", async () => {
    const { collector, api } = await setUp();
    const evidence = await collector.collect(widget);
    await api.close();
    expect(evidence.status).toBe("ok");
    expect(evidence.data).toEqual({
      repository: "https://github.com/example/widget",
      archived: false,
      hasIssues: true,
      windowStart: "2024-05-31T12:00:00.000Z",
      coveredSince: "2024-05-31T12:00:00.000Z",
      issues: [
        { number: 12, createdAt: "2026-05-28T09:00:00Z", closedAt: null, bug: false, labels: [] },
        {
          number: 10,
          createdAt: "2026-04-01T00:00:00Z",
          closedAt: "2026-04-11T00:00:00Z",
          bug: true,
          labels: ["type: bug"],
          firstResponseAt: "2026-04-04T00:00:00Z",
        },
        // Only a bot and the author (in other case) spoke: unanswered.
        {
          number: 9,
          createdAt: "2026-02-01T00:00:00Z",
          closedAt: null,
          bug: true,
          labels: ["bug"],
          firstResponseAt: null,
        },
        // Closed without a comment: who closed it is unknown, so it is not in the sample.
        {
          number: 7,
          createdAt: "2025-10-01T00:00:00Z",
          closedAt: "2025-10-31T00:00:00Z",
          bug: false,
          labels: ["question"],
        },
        // "not a bug" is not a bug; renovate[bot] (typed User) is still a bot.
        {
          number: 6,
          createdAt: "2025-01-01T00:00:00Z",
          closedAt: null,
          bug: false,
          labels: ["not a bug"],
          firstResponseAt: "2025-01-11T00:00:00Z",
        },
      ],
      pulls: [
        { createdAt: "2026-05-01T10:00:00Z", mergedAt: "2026-05-03T10:00:00Z", outside: true },
        { createdAt: "2025-12-01T00:00:00Z", mergedAt: null, outside: false },
        { createdAt: "2024-08-01T00:00:00Z", mergedAt: "2024-08-05T00:00:00Z", outside: false },
      ],
      open: {
        count: 3,
        bugs: 1,
        createdAt: ["2025-01-01T00:00:00Z", "2026-02-01T00:00:00Z", "2026-05-28T09:00:00Z"],
        complete: true,
      },
      securityPolicy: true,
      fundingFile: true,
      readmeNotices: [],
      requests: 11,
    });
    const s = server as GitHubApiServer;
    expect(s.requests).toHaveLength(11);
    // Page 3 reached past the window: page 4 is never asked for, though Link offers it.
    expect(s.requests.some((r) => r.url.endsWith("page=4"))).toBe(false);
    // Issue 12 is younger than the grace period and 7 was closed without comments: no comment requests.
    expect(s.requests.filter((r) => r.url.includes("/comments")).map((r) => r.url)).toEqual([
      "/repos/example/widget/issues/10/comments?per_page=100",
      "/repos/example/widget/issues/9/comments?per_page=100",
      "/repos/example/widget/issues/6/comments?per_page=100",
    ]);
    expect(s.requests.find((r) => r.url.endsWith("/readme"))?.headers.accept).toBe(
      "application/vnd.github.html+json",
    );
    expect(s.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it("caches per repository, answers shared repositories once, and never writes the token", async () => {
    const { collector, api, cache } = await setUp();
    const [a, b] = await Promise.all([
      collector.collect(widget),
      collector.collect({ url: "https://github.com/Example/Widget", directory: "packages/b" }),
    ]);
    expect(b).toBe(a);
    expect((server as GitHubApiServer).requests).toHaveLength(11);
    const again = await createIssuesCollector({ api, cache, now: () => now }).collect(widget);
    await api.close();
    expect(again.fromCache).toBe(true);
    expect(again.data).toEqual(a.data);
    expect((server as GitHubApiServer).requests).toHaveLength(11);
    const written = await cacheText(cacheDir as string);
    expect(written).toContain("example/widget");
    expect(written).not.toContain(TOKEN);
    expect(JSON.stringify(a)).not.toContain(TOKEN);
  });

  it("offline: the cache or `offline: not in cache`", async () => {
    const { cache } = await setUp();
    const collector = createIssuesCollector({ api: null, cache, now: () => now });
    expect((await collector.collect(widget)).status).toBe("offline: not in cache");
    expect((server as GitHubApiServer).requests).toHaveLength(0);
  });

  it("skips repositories that are not on GitHub, and hostile names", async () => {
    const { collector, api } = await setUp();
    for (const url of [
      "https://gitlab.com/example/widget",
      "https://github.com.evil.example/example/widget",
      "https://github.com/example",
      "https://github.com/-bad/..",
    ])
      expect((await collector.collect({ url, directory: null })).status).toBe(
        "skipped: not a GitHub repository",
      );
    expect((await collector.collect(null)).status).toBe("skipped: not a GitHub repository");
    await api.close();
    expect((server as GitHubApiServer).requests).toHaveLength(0);
  });

  it("a repository that is gone says so", async () => {
    const { collector, api } = await setUp({});
    const evidence = await collector.collect(widget);
    await api.close();
    expect(evidence.status).toBe("unavailable: repository not found (private, renamed or deleted)");
  });

  it("malformed JSON on a page fails the repository, and nothing is cached", async () => {
    const routes = widgetRoutes();
    routes[
      "/repos/example/widget/issues?state=all&sort=created&direction=desc&per_page=100&page=2"
    ] = {
      body: '[{"number": 9, "created_at": ',
    };
    const { collector, api } = await setUp(routes);
    const evidence = await collector.collect(widget);
    await api.close();
    expect(evidence.status).toBe("unavailable: malformed GitHub response");
    expect(await cacheText(cacheDir as string)).toBe("");
  });

  it("a 5xx on an optional part leaves it unknown; a 5xx on the issue list fails the repository", async () => {
    const routes = widgetRoutes();
    routes["/repos/example/widget/readme"] = { status: 502, body: "Bad Gateway" };
    const first = await setUp(routes);
    const partial = await first.collector.collect(widget);
    await first.api.close();
    expect(partial.status).toBe("ok");
    expect(partial.data?.readmeNotices).toBeNull();
    // Four attempts: the first and three retries.
    expect((server as GitHubApiServer).hits("/repos/example/widget/readme")).toBe(4);
    await server?.close();

    const broken = widgetRoutes();
    broken["/repos/example/widget/issues?state=open&sort=created&direction=asc&per_page=100"] = {
      status: 503,
    };
    const second = await setUp(broken);
    const failed = await second.collector.collect(widget);
    await second.api.close();
    expect(failed.status).toBe("unavailable: HTTP 503 after 3 retries");
  });

  it("stops before a repository when the budget left is lower than its worst case", async () => {
    const { collector, api } = await setUp(widgetRoutes(), { remaining: 30 });
    expect((await collector.collect(widget)).status).toBe("ok");
    // 30 - 11 = 19 left, under the 22 a repository may cost: stop and say when it resets.
    const next = await collector.collect({
      url: "https://github.com/example/other",
      directory: null,
    });
    await api.close();
    expect(next.status).toBe("unavailable: rate limit (resets in 42m)");
    expect(api.budget()).toMatchObject({ authenticated: true, remaining: 19, limit: 5000 });
  });

  it("a cut open list takes its count from the repository's totals minus open pull requests", async () => {
    const routes = widgetRoutes();
    const open = "/repos/example/widget/issues?state=open&sort=created&direction=asc&per_page=100";
    routes[open] = { file: "widget/issues-open-page-1.json", links: { next: `${open}&page=2` } };
    routes[`${open}&page=2`] = {
      file: "widget/issues-open-page-1.json",
      links: { next: `${open}&page=3` },
    };
    routes["/repos/example/widget/pulls?state=open&per_page=1"] = {
      body: "[]",
      links: {
        next: "/repos/example/widget/pulls?state=open&per_page=1&page=2",
        last: "/repos/example/widget/pulls?state=open&per_page=1&page=1",
      },
    };
    const { collector, api } = await setUp(routes);
    const evidence = await collector.collect(widget);
    await api.close();
    // open_issues_count 4, one open pull request: at least the 6 read (the same page twice).
    expect(evidence.data?.open).toMatchObject({ count: 6, bugs: 2, complete: false });
    expect((server as GitHubApiServer).hits(`${open}&page=3`)).toBe(0);
  });
});
