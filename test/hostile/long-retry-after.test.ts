/**
 * Issue 15, item 14: a registry (or API) answering every request with
 * `429 Retry-After: 3600` used to cost up to a minute per retry per package.
 * Now a host gets one short wait; its next long Retry-After marks it
 * rate-limited for the run, and every later request fails fast with a status
 * that names the host and when to come back.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createOsvClient } from "../../src/collectors/advisories/osv-client.js";
import { createRegistryClient } from "../../src/collectors/registry/registry-client.js";
import {
  startServer,
  type TestServer,
  testSettings,
} from "../collectors/helpers/registry-server.js";

const hourLimit = (_request: unknown, response: import("node:http").ServerResponse) => {
  response.writeHead(429, { "retry-after": "3600" });
  response.end("slow down");
};

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const names = Array.from({ length: 30 }, (_, i) => `pkg-${i}`);

describe("a Retry-After of an hour", () => {
  it("costs the registry client one capped wait, then every package fails fast", async () => {
    server = await startServer(hourLimit);
    const waits: number[] = [];
    const client = createRegistryClient(testSettings(server.url), {
      concurrency: 1,
      retries: 3,
      maxRetryAfterMs: 5_000,
      sleep: async (ms) => void waits.push(ms),
    });
    try {
      const results = [];
      for (const name of names) results.push(await client.fetchPackument(name));
      // One wait of the cap, for the whole run: not 3 per package.
      expect(waits).toEqual([5_000]);
      // The first package asked twice (the capped wait, then the long answer again); the
      // host is then limited and no other package sends a request.
      expect(server.requests).toHaveLength(2);
      const host = new URL(server.url).host;
      for (const result of results)
        expect(result).toEqual({
          ok: false,
          status: `unavailable: rate limited by ${host} (retry after 1h)`,
        });
    } finally {
      await client.close();
    }
  });

  it("costs the OSV client one capped wait, and the batch says why", async () => {
    server = await startServer(hourLimit);
    const waits: number[] = [];
    const osv = createOsvClient({
      baseUrl: server.url,
      retries: 3,
      sleep: async (ms) => void waits.push(ms),
      random: () => 0,
    });
    try {
      const first = await osv.recordsFor(names.slice(0, 10));
      const second = await osv.recordsFor(names.slice(10));
      expect(waits).toHaveLength(1);
      expect(waits[0]).toBeLessThanOrEqual(20_000);
      const host = new URL(server.url).host;
      for (const results of [first, second])
        for (const result of results.values())
          expect(result).toEqual({
            ok: false,
            status: `unavailable: rate limited by ${host} (retry after 1h)`,
          });
      expect(server.requests.length).toBeLessThanOrEqual(2);
    } finally {
      await osv.close();
    }
  });
});
