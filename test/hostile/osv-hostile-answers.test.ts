import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createOsvClient } from "../../src/collectors/advisories/osv-client.js";
import type { RecordsResult } from "../../src/collectors/advisories/types.js";
import { startServer, type TestServer } from "../collectors/helpers/registry-server.js";

// Issue 15 item 15: one hostile querybatch answer (200,000 ids for one package) blanked
// the advisories of every package in the batch, and nothing capped the ids per package:
// each id is a request. Now a hostile result costs only the package it is about.
const recordsDir = path.resolve(import.meta.dirname, "../fixtures/osv/records");
const minimistIds = ["GHSA-vh95-rmgr-6w4m", "GHSA-xvch-5gv4-984h"];

type Result = Record<string, unknown>;

/** A querybatch answering minimist truthfully and `hostile` with what the test says. */
function osv(hostile: (pageToken: string | undefined) => Result) {
  return async (request: IncomingMessage, response: ServerResponse) => {
    const send = (status: number, body: string) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(body);
    };
    if (request.method === "POST") {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const { queries } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
        queries: { package: { name: string }; page_token?: string }[];
      };
      const results = queries.map((q): Result => {
        if (q.package.name === "hostile") return hostile(q.page_token);
        if (q.package.name === "minimist")
          return { vulns: minimistIds.map((id) => ({ id, modified: "2024-02-16T08:16:24Z" })) };
        return {};
      });
      return send(200, JSON.stringify({ results }));
    }
    const id = decodeURIComponent(/^\/v1\/vulns\/(.+)$/.exec(request.url ?? "")?.[1] ?? "");
    if (minimistIds.includes(id))
      return send(200, readFileSync(path.join(recordsDir, `${id}.json`), "utf8"));
    return send(404, "{}");
  };
}

const ids = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({ id: `GHSA-host-${from + i}` }));

let server: TestServer;
afterEach(() => server?.close());

async function ask(hostile: (pageToken: string | undefined) => Result) {
  server = await startServer(osv(hostile));
  const client = createOsvClient({ baseUrl: server.url, sleep: async () => {}, retries: 0 });
  const results = await client.recordsFor(["minimist", "hostile", "left-pad"]);
  await client.close();
  const vulnRequests = server.requests.filter((r) => r.url.startsWith("/v1/vulns/")).length;
  return { results, vulnRequests };
}

function expectOthersAnswered(results: Map<string, RecordsResult>) {
  const minimist = results.get("minimist");
  expect(minimist?.ok && minimist.records.map((r) => r.id)).toEqual(minimistIds);
  expect(results.get("left-pad")).toEqual({ ok: true, records: [] });
}

describe("hostile OSV querybatch answers", () => {
  it("200,000 ids for one package: that package is unavailable, no id fetched, the batch answered", async () => {
    const { results, vulnRequests } = await ask(() => ({ vulns: ids(200_000) }));
    expect(results.get("hostile")).toEqual({
      ok: false,
      status: "unavailable: OSV answered more than 2000 advisories",
    });
    expectOthersAnswered(results);
    expect(vulnRequests).toBe(minimistIds.length);
  });

  it("the cap holds across pages", async () => {
    let pages = 0;
    const { results, vulnRequests } = await ask((token) => {
      pages++;
      const page = Number(token ?? 0);
      return { vulns: ids(1500, page * 1500), next_page_token: String(page + 1) };
    });
    expect(results.get("hostile")).toMatchObject({ ok: false });
    expect(pages).toBe(2);
    expect(vulnRequests).toBe(minimistIds.length);
    expectOthersAnswered(results);
  });

  it.each([
    ["vulns that is not a list", { vulns: "everything" }],
    ["an entry without an id", { vulns: [{ id: "GHSA-ok" }, { modified: "2024-01-01" }] }],
    ["an id that is not a word", { vulns: [{ id: "../../v1/querybatch" }] }],
    ["an id that is not text", { vulns: [{ id: { $gt: "" } }] }],
    ["a page token that is not text", { vulns: [], next_page_token: 7 }],
  ])("%s: only that package is malformed", async (_what, hostile) => {
    const { results, vulnRequests } = await ask(() => hostile);
    expect(results.get("hostile")).toEqual({
      ok: false,
      status: "unavailable: malformed OSV response",
    });
    expectOthersAnswered(results);
    expect(vulnRequests).toBe(minimistIds.length);
  });
});
