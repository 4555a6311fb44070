import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createOsvClient } from "../../src/collectors/advisories/osv-client.js";
import type { RecordsResult } from "../../src/collectors/advisories/types.js";
import { startServer, type TestServer } from "./helpers/registry-server.js";

const recordsDir = path.resolve(import.meta.dirname, "../fixtures/osv/records");
const record = (id: string) => readFileSync(path.join(recordsDir, `${id}.json`), "utf8");

const lodashIds = [
  "GHSA-jf85-cpcp-j695",
  "GHSA-p6mc-m468-83gw",
  "GHSA-35jh-r3h4-6jhm",
  "GHSA-29mw-wpgm-hmr9",
];
const minimistIds = ["GHSA-vh95-rmgr-6w4m", "GHSA-xvch-5gv4-984h"];

interface Query {
  package: { ecosystem: string; name: string };
  page_token?: string;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function json(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(typeof body === "string" ? body : JSON.stringify(body));
}

/** OSV's querybatch: ids and modified times only, lodash paginated two ids a page. */
function querybatchAnswer(queries: Query[]) {
  return {
    results: queries.map((q) => {
      const all =
        q.package.name === "lodash" ? lodashIds : q.package.name === "minimist" ? minimistIds : [];
      const start = q.page_token === "page-2" ? 2 : 0;
      const page = q.package.name === "lodash" ? all.slice(start, start + 2) : all;
      const vulns = page.map((id) => ({ id, modified: "2024-02-16T08:16:24Z" }));
      const more = q.package.name === "lodash" && start === 0;
      return vulns.length === 0 ? {} : { vulns, ...(more ? { next_page_token: "page-2" } : {}) };
    }),
  };
}

/** A replaying OSV API; `fail` can make the next requests to a path fail. */
function osvHandler(
  fail: { querybatch?: (() => [number, string])[]; vulns?: Record<string, [number, string]> } = {},
) {
  return async (request: IncomingMessage, response: ServerResponse) => {
    const url = request.url ?? "";
    if (request.method === "POST" && url === "/v1/querybatch") {
      const body = JSON.parse(await readBody(request)) as { queries: Query[] };
      const failure = fail.querybatch?.shift()?.();
      if (failure) return json(response, failure[0], failure[1]);
      return json(response, 200, querybatchAnswer(body.queries));
    }
    const id = decodeURIComponent(/^\/v1\/vulns\/(.+)$/.exec(url)?.[1] ?? "");
    const failure = fail.vulns?.[id];
    if (failure) return json(response, failure[0], failure[1]);
    if (request.method === "GET" && id) return json(response, 200, record(id));
    return json(response, 404, { code: 5, message: "Not found" });
  };
}

let server: TestServer;
afterEach(async () => {
  await server?.close();
});

const client = (overrides = {}) =>
  createOsvClient({ baseUrl: server.url, sleep: async () => {}, random: () => 0, ...overrides });

const ids = (result: RecordsResult | undefined) =>
  result?.ok ? result.records.map((r) => r.id) : result;

describe("OSV API client", () => {
  it("batches queries, follows next_page_token, fetches each record once", async () => {
    server = await startServer(osvHandler());
    const osv = client();
    const results = await osv.recordsFor(["lodash", "minimist", "left-pad", "lodash"]);
    await osv.close();
    expect(ids(results.get("lodash"))).toEqual(lodashIds);
    expect(ids(results.get("minimist"))).toEqual(minimistIds);
    expect(ids(results.get("left-pad"))).toEqual([]);
    const batches = server.requests.filter((r) => r.url === "/v1/querybatch");
    // One batch for the three names, then one page more for lodash alone.
    expect(batches).toHaveLength(2);
    const vulnGets = server.requests
      .filter((r) => r.url.startsWith("/v1/vulns/"))
      .map((r) => r.url);
    expect(vulnGets.sort()).toEqual(
      [...lodashIds, ...minimistIds].map((id) => `/v1/vulns/${id}`).sort(),
    );
    expect(batches[0]?.headers["content-type"]).toBe("application/json");
  });

  it("splits names into batches of the configured size", async () => {
    server = await startServer(osvHandler());
    const results = await client({ batchSize: 1 }).recordsFor(["minimist", "left-pad"]);
    expect(ids(results.get("minimist"))).toEqual(minimistIds);
    expect(server.requests.filter((r) => r.url === "/v1/querybatch")).toHaveLength(2);
  });

  it("retries a 5xx and then succeeds", async () => {
    server = await startServer(
      osvHandler({ querybatch: [() => [503, "unavailable"], () => [502, "bad gateway"]] }),
    );
    const results = await client().recordsFor(["minimist"]);
    expect(ids(results.get("minimist"))).toEqual(minimistIds);
    expect(server.requests.filter((r) => r.url === "/v1/querybatch")).toHaveLength(3);
  });

  it("gives up after its retries with a status", async () => {
    server = await startServer(
      osvHandler({
        querybatch: Array.from({ length: 5 }, () => () => [500, "oops"] as [number, string]),
      }),
    );
    const results = await client({ retries: 2 }).recordsFor(["minimist"]);
    expect(results.get("minimist")).toEqual({
      ok: false,
      status: "unavailable: HTTP 500 after 2 retries",
    });
  });

  it("turns malformed JSON into a status, not an exception", async () => {
    server = await startServer(osvHandler({ querybatch: [() => [200, "{ results: [ nope"]] }));
    const results = await client().recordsFor(["minimist", "lodash"]);
    expect(results.get("minimist")).toEqual({
      ok: false,
      status: "unavailable: malformed OSV response",
    });
    expect(results.get("lodash")).toEqual({
      ok: false,
      status: "unavailable: malformed OSV response",
    });
  });

  it("refuses an answer with the wrong number of results", async () => {
    server = await startServer(
      osvHandler({ querybatch: [() => [200, JSON.stringify({ results: [] })]] }),
    );
    const results = await client().recordsFor(["minimist"]);
    expect(results.get("minimist")).toEqual({
      ok: false,
      status: "unavailable: malformed OSV response",
    });
  });

  it("fails only the packages whose record could not be read", async () => {
    server = await startServer(
      osvHandler({ vulns: { "GHSA-vh95-rmgr-6w4m": [200, "<html>maintenance</html>"] } }),
    );
    const results = await client().recordsFor(["minimist", "lodash"]);
    expect(results.get("minimist")).toEqual({
      ok: false,
      status: "unavailable: malformed OSV response",
    });
    expect(ids(results.get("lodash"))).toEqual(lodashIds);
  });

  it("skips a record deleted between the query and the fetch (404)", async () => {
    server = await startServer(osvHandler({ vulns: { "GHSA-vh95-rmgr-6w4m": [404, "{}"] } }));
    const results = await client().recordsFor(["minimist"]);
    expect(ids(results.get("minimist"))).toEqual(["GHSA-xvch-5gv4-984h"]);
  });

  it("refuses a record that answers for another id", async () => {
    server = await startServer(
      osvHandler({ vulns: { "GHSA-vh95-rmgr-6w4m": [200, record("GHSA-jf85-cpcp-j695")] } }),
    );
    const results = await client().recordsFor(["minimist"]);
    expect(results.get("minimist")).toEqual({
      ok: false,
      status: "unavailable: malformed OSV response",
    });
  });

  it("says unavailable when nothing listens", async () => {
    server = await startServer(osvHandler());
    const url = server.url;
    await server.close();
    const results = await createOsvClient({ baseUrl: url, retries: 0 }).recordsFor(["minimist"]);
    expect(results.get("minimist")).toEqual({ ok: false, status: "unavailable: ECONNREFUSED" });
  });
});
