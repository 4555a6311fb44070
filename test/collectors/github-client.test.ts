import { afterEach, describe, expect, it } from "vitest";
import {
  createGitHubClient,
  type GitHubClientOptions,
} from "../../src/collectors/issues/github-client.js";
import { parseLinks } from "../../src/collectors/issues/github-request.js";
import { now } from "../helpers/evidence.js";
import { type GitHubApiServer, type Reply, startGitHubApi } from "./github-api-server.js";
import { startServer, type TestServer } from "./helpers/registry-server.js";

const TOKEN = "ghp_clientTOKEN0123456789SECRET";
const servers: (GitHubApiServer | TestServer)[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function api(
  routes: Record<string, Reply | Reply[]>,
  options: Partial<GitHubClientOptions> = {},
) {
  const server = await startGitHubApi(routes);
  servers.push(server);
  const sleeps: number[] = [];
  const client = createGitHubClient({
    baseUrl: server.url,
    token: TOKEN,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0,
    backoff: { baseMs: 10, maxMs: 40 },
    now: () => now.getTime(),
    ...options,
  });
  return { server, client, sleeps };
}

const ok: Reply = { body: '{"ok":true}' };

describe("the GitHub client", () => {
  it("sends the token to the API, keeps it on a same-origin redirect, and drops it across origins", async () => {
    const elsewhere = await startServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end("[]");
    });
    servers.push(elsewhere);
    const { server, client } = await api({
      "/repos/old/name": { status: 301, headers: { location: "/repositories/42" } },
      "/repositories/42": { status: 307, headers: { location: `${elsewhere.url}evil?x=1` } },
    });
    const answer = await client.get("repos/old/name");
    await client.close();
    expect(answer).toMatchObject({ ok: true, text: "[]" });
    expect(server.requests.map((r) => [r.url, r.headers.authorization])).toEqual([
      ["/repos/old/name", `Bearer ${TOKEN}`],
      ["/repositories/42", `Bearer ${TOKEN}`],
    ]);
    expect(elsewhere.requests).toHaveLength(1);
    expect(elsewhere.requests[0]?.headers.authorization).toBeUndefined();
    expect(JSON.stringify(answer)).not.toContain(TOKEN);
  });

  it("refuses a pagination link to another host, and redirects to other schemes", async () => {
    const { server, client } = await api({
      "/odd": { status: 302, headers: { location: "file:///etc/passwd" } },
    });
    expect(await client.get("https://evil.example/repos/a/b/issues?page=2")).toEqual({
      ok: false,
      status: "unavailable: link to another host",
    });
    expect(await client.get("odd")).toMatchObject({
      ok: false,
      status: "unavailable: bad redirect",
    });
    await client.close();
    expect(server.requests).toHaveLength(1);
  });

  it("waits out a secondary rate limit as retry-after says, then succeeds", async () => {
    const secondary: Reply = {
      status: 403,
      headers: { "retry-after": "3" },
      body: JSON.stringify({
        message:
          "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
        documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
      }),
    };
    const { client, sleeps, server } = await api({ "/a": [secondary, ok] });
    expect(await client.get("a")).toMatchObject({ ok: true, text: '{"ok":true}' });
    await client.close();
    expect(sleeps).toEqual([3000]);
    expect(server.hits("/a")).toBe(2);
  });

  it("waits a minute on a secondary limit without retry-after, and gives up on a long one", async () => {
    const bare: Reply = {
      status: 403,
      body: '{"message":"You have exceeded a secondary rate limit"}',
    };
    const long: Reply = { status: 429, headers: { "retry-after": "3600" } };
    const { client, sleeps } = await api({ "/a": [bare, ok], "/b": long });
    expect((await client.get("a")).ok).toBe(true);
    expect(sleeps).toEqual([60_000]);
    expect(await client.get("b")).toMatchObject({
      ok: false,
      status: "unavailable: secondary rate limit (retry in 3600s)",
      rateLimited: true,
    });
    await client.close();
  });

  it("stops at a spent primary limit, says when it resets, and sends nothing more", async () => {
    const spent: Reply = {
      status: 403,
      headers: { "x-ratelimit-remaining": "0" },
      body: '{"message":"API rate limit exceeded for user ID 1."}',
    };
    const { client, server, sleeps } = await api({ "/a": spent, "/b": ok });
    expect(await client.get("a")).toMatchObject({
      ok: false,
      status: "unavailable: rate limit (resets in 42m)",
      rateLimited: true,
    });
    expect((await client.get("b")).ok).toBe(false);
    expect(client.reserve(1)).toBe("unavailable: rate limit (resets in 42m)");
    await client.close();
    expect(server.requests.map((r) => r.url)).toEqual(["/a"]);
    expect(sleeps).toEqual([]);
  });

  it("without a token: no Authorization header, and the spent status says why", async () => {
    const spent: Reply = { status: 403, headers: { "x-ratelimit-remaining": "0" } };
    const { client, server } = await api({ "/a": spent }, { token: null });
    expect(await client.get("a")).toMatchObject({
      status: "unavailable: rate limit without a token (resets in 42m); set GITHUB_TOKEN",
    });
    await client.close();
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
    expect(client.budget()).toMatchObject({ authenticated: false, remaining: 0 });
  });

  it("retries 5xx with backoff, then gives a status", async () => {
    const { client, sleeps } = await api({
      "/a": [{ status: 502 }, { status: 500 }, ok],
      "/b": { status: 503 },
    });
    expect((await client.get("a")).ok).toBe(true);
    expect(sleeps).toEqual([5, 10]);
    expect(await client.get("b")).toMatchObject({
      ok: false,
      status: "unavailable: HTTP 503 after 3 retries",
    });
    await client.close();
  });

  it("other errors are statuses with no URL or token in them", async () => {
    const { client } = await api({
      "/a": { status: 401, body: `{"message":"Bad credentials ${TOKEN}"}` },
    });
    const answer = await client.get("a");
    await client.close();
    expect(answer).toEqual({ ok: false, status: "unavailable: 401 unauthorized", httpStatus: 401 });
  });

  it("times out a silent server, and reports an unreachable one", async () => {
    const silent = await startServer(() => {});
    servers.push(silent);
    const slow = createGitHubClient({ baseUrl: silent.url, token: TOKEN, timeoutMs: 100 });
    expect(await slow.get("a")).toEqual({ ok: false, status: "unavailable: timeout after 100ms" });
    await slow.close();
    const gone = await startServer(() => {});
    const url = gone.url;
    await gone.close();
    const sleeps: number[] = [];
    const offline = createGitHubClient({
      baseUrl: url,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    expect(await offline.get("a")).toEqual({
      ok: false,
      status: "unavailable: ECONNREFUSED",
      network: true,
    });
    // A refused connection is this machine's network: not retried.
    expect(sleeps).toHaveLength(0);
    // Unreachable once, unreachable for the run: no more connections, no more waiting.
    expect(await offline.get("b")).toEqual({ ok: false, status: "unavailable: ECONNREFUSED" });
    expect(gone.requests).toHaveLength(0);
    await offline.close();
  });

  it("parses Link headers as GitHub writes them", () => {
    expect(
      parseLinks(
        '<https://api.github.com/repositories/1/issues?page=2>; rel="next", <https://api.github.com/repositories/1/issues?page=9>; rel="last"',
      ),
    ).toEqual({
      next: "https://api.github.com/repositories/1/issues?page=2",
      last: "https://api.github.com/repositories/1/issues?page=9",
    });
    expect(parseLinks(undefined)).toEqual({});
    expect(parseLinks("garbage, <x>; nope")).toEqual({});
  });
});
