/**
 * The registry client against a local registry on 127.0.0.1: fixtures in the
 * public registry's format, and every way a registry fails.
 */
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { fromPackument } from "../../src/collectors/registry/from-packument.js";
import {
  createRegistryClient,
  type RegistryClient,
  type RegistryClientOptions,
} from "../../src/collectors/registry/registry-client.js";
import {
  delay,
  type Handler,
  readFixture,
  requestedName,
  sendJson,
  serveFixtures,
  startServer,
  testSettings,
} from "./helpers/registry-server.js";

/** Short waits so that the failure paths run in milliseconds. */
const FAST: RegistryClientOptions = {
  timeoutMs: 2_000,
  retries: 3,
  backoff: { baseMs: 1, maxMs: 5 },
};

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

async function setup(handler: Handler, options: RegistryClientOptions = {}) {
  const server = await startServer(handler);
  const client = createRegistryClient(testSettings(server.url), { ...FAST, ...options });
  cleanup.push(
    () => server.close(),
    () => client.close(),
  );
  return { server, client };
}

/** A handler that answers the n-th request (0-based) with `answers[n]`, repeating the last one. */
function sequence(...answers: Handler[]): Handler {
  let count = 0;
  return (request, response) => {
    const answer = answers[Math.min(count, answers.length - 1)];
    count += 1;
    return answer?.(request, response);
  };
}

const failWith =
  (status: number, headers: Record<string, string> = {}): Handler =>
  (_request, response) => {
    response.writeHead(status, headers);
    response.end("nope");
  };

describe("fetchPackument", () => {
  it("returns the evidence of a packument, with its ETag", async () => {
    const { server, client } = await setup(serveFixtures);
    const result = await client.fetchPackument("left-trim-lite");
    const expected = fromPackument(JSON.parse(await readFixture("left-trim-lite")), server.url);
    expect(result).toEqual({ ok: true, evidence: expected, etag: '"left-trim-lite-1"' });
    expect(server.requests[0]).toMatchObject({ method: "GET", url: "/left-trim-lite" });
    expect(server.requests[0]?.headers).toMatchObject({
      accept: "application/json",
      "user-agent": "jenga-test",
    });
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });

  it("asks for a scoped package with its slash encoded", async () => {
    const { server, client } = await setup(serveFixtures);
    const result = await client.fetchPackument("@acme/widget-core");
    expect(result.ok && result.evidence?.name).toBe("@acme/widget-core");
    expect(server.requests[0]?.url).toBe("/@acme%2fwidget-core");
  });

  it("keeps the registry's path prefix", async () => {
    const server = await startServer(serveFixtures);
    const client = createRegistryClient(testSettings(`${server.url}api/npm/npm-remote`), FAST);
    cleanup.push(
      () => server.close(),
      () => client.close(),
    );
    expect((await client.fetchPackument("native-hash")).ok).toBe(true);
    expect(server.requests[0]?.url).toBe("/api/npm/npm-remote/native-hash");
  });

  it("says 404 not found, without retrying", async () => {
    const { server, client } = await setup(serveFixtures);
    expect(await client.fetchPackument("no-such-package")).toEqual({
      ok: false,
      status: "unavailable: 404 not found",
    });
    expect(server.requests).toHaveLength(1);
  });

  it("refuses invalid names without a request", async () => {
    const { server, client } = await setup(serveFixtures);
    for (const name of [
      "",
      "../etc/passwd",
      "a/b",
      "@scope/a/b",
      " left-pad",
      ".hidden",
      "a?b",
      "a#b",
      "%2e%2e",
    ]) {
      expect(await client.fetchPackument(name)).toEqual({
        ok: false,
        status: "unavailable: invalid package name",
      });
    }
    expect(server.requests).toHaveLength(0);
  });

  it("retries a 429 after the Retry-After it was given, then succeeds", async () => {
    const waits: number[] = [];
    const { server, client } = await setup(
      sequence(failWith(429, { "retry-after": "2" }), serveFixtures),
      {
        sleep: async (ms) => {
          waits.push(ms);
        },
      },
    );
    const result = await client.fetchPackument("left-trim-lite");
    expect(result.ok).toBe(true);
    expect(server.requests).toHaveLength(2);
    expect(waits).toEqual([2000]);
  });

  it("reads Retry-After as a date and caps it", async () => {
    const waits: number[] = [];
    const now = Date.parse("2025-01-01T00:00:00Z");
    const { client } = await setup(
      sequence(
        failWith(429, { "retry-after": "Wed, 01 Jan 2025 00:00:03 GMT" }),
        failWith(503, { "retry-after": "86400" }),
        serveFixtures,
      ),
      { now: () => now, maxRetryAfterMs: 10_000, sleep: async (ms) => void waits.push(ms) },
    );
    expect((await client.fetchPackument("left-trim-lite")).ok).toBe(true);
    expect(waits).toEqual([3000, 10_000]);
  });

  it("backs off exponentially with jitter on 5xx", async () => {
    const waits: number[] = [];
    const { server, client } = await setup(
      sequence(failWith(502), failWith(503), failWith(500), serveFixtures),
      {
        backoff: { baseMs: 100, maxMs: 300 },
        random: () => 1,
        sleep: async (ms) => void waits.push(ms),
      },
    );
    expect((await client.fetchPackument("left-trim-lite")).ok).toBe(true);
    expect(server.requests).toHaveLength(4);
    expect(waits).toEqual([100, 200, 300]);
  });

  it("gives up on a 5xx after its retries", async () => {
    const { server, client } = await setup(failWith(503));
    expect(await client.fetchPackument("left-trim-lite")).toEqual({
      ok: false,
      status: "unavailable: HTTP 503 after 3 retries",
    });
    expect(server.requests).toHaveLength(4);
  });

  it("times out a registry that does not answer, and one that stalls mid-body", async () => {
    const { client } = await setup(
      async (request, response) => {
        if (requestedName(request) === "slow-headers") {
          await delay(1_000);
          sendJson(response, 200, {});
          return;
        }
        response.writeHead(200, { "content-type": "application/json" });
        response.write('{"name":"slow-body","versions":{');
        await delay(1_000);
        response.end("}}");
      },
      { timeoutMs: 150 },
    );
    const expected = { ok: false, status: "unavailable: timeout after 150ms" };
    expect(await client.fetchPackument("slow-headers")).toEqual(expected);
    expect(await client.fetchPackument("slow-body")).toEqual(expected);
  });

  it("says the body is unparsable when it is truncated or garbage", async () => {
    const { client } = await setup((request, response) => {
      const name = requestedName(request);
      if (name === "truncated") {
        // A close-delimited body that ends half-way: no framing error, just bad JSON.
        response.writeHead(200, { "content-type": "application/json", connection: "close" });
        response.end('{"name":"truncated","versions":{"1.0.0":{"dist":');
      } else if (name === "garbage") {
        response.writeHead(200, { "content-type": "application/json" });
        response.end("<html><body>502 Bad Gateway</body></html>");
      } else {
        sendJson(response, 200, ["not", "a", "packument"]);
      }
    });
    const unparsable = { ok: false, status: "unavailable: unparsable body" };
    expect(await client.fetchPackument("truncated")).toEqual(unparsable);
    expect(await client.fetchPackument("garbage")).toEqual(unparsable);
    expect(await client.fetchPackument("array")).toEqual({
      ok: false,
      status: "unavailable: not a packument",
    });
  });

  it("retries a connection cut mid-body, then succeeds", async () => {
    const { server, client } = await setup(
      sequence((_request, response) => {
        response.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
        response.write('{"name":');
        response.socket?.destroy();
      }, serveFixtures),
    );
    expect((await client.fetchPackument("left-trim-lite")).ok).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  it("says ECONNREFUSED when nothing listens", async () => {
    const server = await startServer(serveFixtures);
    await server.close();
    const client: RegistryClient = createRegistryClient(testSettings(server.url), FAST);
    cleanup.push(() => client.close());
    expect(await client.fetchPackument("left-trim-lite")).toEqual({
      ok: false,
      status: "unavailable: ECONNREFUSED",
    });
  });

  it("never has more requests in flight than its concurrency", async () => {
    const { server, client } = await setup(
      async (request, response) => {
        await delay(20);
        return serveFixtures(request, response);
      },
      { concurrency: 3 },
    );
    const results = await Promise.all(
      Array.from({ length: 20 }, () => client.fetchPackument("native-hash")),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    expect(server.maxInFlight()).toBe(3);
  });

  it("decodes gzip and bounds the decoded size", async () => {
    const text = await readFixture("@acme/widget-core");
    const { client } = await setup(
      (request, response) => {
        const body =
          requestedName(request) === "bomb" ? gzipSync(" ".repeat(5_000_000)) : gzipSync(text);
        response.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
        response.end(body);
      },
      { maxBodyBytes: 1_000_000 },
    );
    const result = await client.fetchPackument("@acme/widget-core");
    expect(result.ok && result.evidence?.versions["3.1.0"]?.installScripts).toEqual([
      "postinstall",
    ]);
    expect(await client.fetchPackument("bomb")).toEqual({
      ok: false,
      status: "unavailable: body too large",
    });
  });

  it("refuses a body declared larger than the cap before reading it", async () => {
    const { client } = await setup(
      (_request, response) => {
        response.writeHead(200, {
          "content-type": "application/json",
          "content-length": "5000000",
        });
        response.write("{");
      },
      { maxBodyBytes: 1_000_000 },
    );
    expect(await client.fetchPackument("huge")).toEqual({
      ok: false,
      status: "unavailable: body too large",
    });
  });

  it("parses a large body as a stream to the same evidence", async () => {
    const text = await readFixture("@acme/widget-core");
    const { server, client } = await setup(serveFixtures, { streamAboveBytes: 1024 });
    const result = await client.fetchPackument("@acme/widget-core");
    expect(result).toMatchObject({
      ok: true,
      evidence: fromPackument(JSON.parse(text), server.url),
    });
  });

  it("revalidates with If-None-Match and reports 304 as not modified", async () => {
    const { server, client } = await setup((request, response) => {
      if (request.headers["if-none-match"] === '"v1"') {
        response.writeHead(304, { etag: '"v1"' });
        response.end();
      } else serveFixtures(request, response);
    });
    expect(await client.fetchPackument("left-trim-lite", { etag: '"v1"' })).toEqual({
      ok: true,
      notModified: true,
      evidence: null,
      etag: '"v1"',
    });
    expect(server.requests[0]?.headers["if-none-match"]).toBe('"v1"');
  });

  it("refuses a packument for another package", async () => {
    const { client } = await setup(async (_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(await readFixture("native-hash"));
    });
    expect(await client.fetchPackument("left-trim-lite")).toEqual({
      ok: false,
      status: "unavailable: packument is for another package",
    });
  });

  it("follows redirects, at most five", async () => {
    const { client } = await setup((request, response) => {
      const hops = Number(
        new URL(request.url ?? "/", "http://h.invalid").searchParams.get("hop") ?? "0",
      );
      const name = requestedName(request);
      const limit = name === "left-trim-lite" ? 3 : 99;
      if (hops < limit) {
        response.writeHead(302, { location: `/${name}?hop=${hops + 1}` });
        response.end();
      } else serveFixtures(request, response);
    });
    expect((await client.fetchPackument("left-trim-lite")).ok).toBe(true);
    expect(await client.fetchPackument("native-hash")).toEqual({
      ok: false,
      status: "unavailable: more than 5 redirects",
    });
  });
});
