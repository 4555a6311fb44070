/**
 * A hostile or broken registry answering the bulk advisory endpoint: wrong
 * types, floods of advisories, huge strings, oversized or undecodable bodies.
 * Each ends as a status on the packages concerned; the others keep their
 * answers, and nothing throws.
 */
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import type { BulkResult } from "../../src/collectors/advisories/bulk-advisory.js";
import { createBulkAdvisoryClient } from "../../src/collectors/advisories/bulk-advisory-client.js";
import {
  type BulkAnswer,
  bulkFixture,
  sendBody,
  startBulkServer,
} from "./helpers/bulk-advisory-server.js";
import { testSettings } from "./helpers/registry-server.js";

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

const queries = [
  { name: "lodash", versions: ["4.17.20"] },
  { name: "minimist", versions: ["1.2.5"] },
];

async function ask(answer: BulkAnswer, options = {}): Promise<Map<string, BulkResult>> {
  const registry = await startBulkServer(answer);
  const client = createBulkAdvisoryClient(testSettings(registry.url), { retries: 0, ...options });
  cleanup.push(
    () => registry.close(),
    () => client.close(),
  );
  return client.advisoriesFor(queries);
}

const summary = (results: Map<string, BulkResult>) =>
  Object.fromEntries(
    [...results].map(([name, r]) => [name, r.ok ? r.advisories.length : r.status]),
  );

const malformed = "unavailable: malformed bulk advisory answer from the registry";

describe("a hostile bulk advisory answer", () => {
  it("fails only the package whose entries have the wrong types", async () => {
    const results = await ask((_body, response) =>
      sendBody(response, 200, {
        lodash: bulkFixture("lodash"),
        minimist: [{ id: { $gt: 1 }, severity: 7, vulnerable_versions: ["<1"], cvss: "9.8" }],
      }),
    );
    expect(summary(results)).toEqual({ lodash: 2, minimist: malformed });
  });

  it("fails every package when the answer is not an object, and ignores names not asked", async () => {
    expect(summary(await ask((_b, response) => sendBody(response, 200, [1, 2, 3])))).toEqual({
      lodash: malformed,
      minimist: malformed,
    });
    const extra = await ask((_b, response) =>
      sendBody(response, 200, { "not-asked": bulkFixture("lodash"), lodash: "nope" }),
    );
    expect(summary(extra)).toEqual({ lodash: malformed, minimist: 0 });
  });

  it("refuses a flood of 100,000 advisories for one package, keeping the other", async () => {
    // Small entries: 100,000 of them stay under the body cap, so the per-package cap decides.
    const flood = Array.from({ length: 100_000 }, (_, id) => ({ id, vulnerable_versions: "<9" }));
    const results = await ask((_b, response) =>
      sendBody(response, 200, { lodash: bulkFixture("lodash"), minimist: flood }),
    );
    expect(summary(results)).toEqual({
      lodash: 2,
      minimist: "unavailable: the registry listed more than 500 advisories",
    });
    // Full-size entries pass the body cap first: the batch's packages all say so.
    const entry = bulkFixture("minimist")[0];
    const heavy = Array.from({ length: 100_000 }, () => entry);
    const tooLarge = "unavailable: bulk advisory answer too large";
    expect(
      summary(await ask((_b, response) => sendBody(response, 200, { minimist: heavy }))),
    ).toEqual({
      lodash: tooLarge,
      minimist: tooLarge,
    });
  });

  it("cuts a huge title, and refuses a huge url or range", async () => {
    const [first] = bulkFixture("lodash") as Record<string, unknown>[];
    const huge = "x".repeat(1_000_000);
    const results = await ask((_b, response) =>
      sendBody(response, 200, {
        lodash: [{ ...first, title: huge }],
        minimist: [{ ...first, vulnerable_versions: `<1.0.0 || ${huge}` }],
      }),
    );
    const lodash = results.get("lodash");
    expect(lodash?.ok && lodash.advisories[0]?.title?.length).toBe(1024);
    expect(results.get("minimist")).toEqual({ ok: false, status: malformed });
  });

  it("refuses a body over the cap, a bomb that inflates past it, and bytes that are not JSON", async () => {
    const big = JSON.stringify({ lodash: [{ title: "y".repeat(4096) }] });
    const capped = { maxBodyBytes: 1024 };
    const tooLarge = {
      lodash: "unavailable: bulk advisory answer too large",
      minimist: "unavailable: bulk advisory answer too large",
    };
    expect(summary(await ask((_b, response) => sendBody(response, 200, big), capped))).toEqual(
      tooLarge,
    );
    const bomb = gzipSync(Buffer.alloc(10 * 1024 * 1024, " "));
    const gzipped: BulkAnswer = (_b, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
      response.end(bomb);
    };
    expect(summary(await ask(gzipped, capped))).toEqual(tooLarge);
    const notJson = await ask((_b, response) => sendBody(response, 200, "<html>login</html>"));
    expect(summary(notJson)).toEqual({ lodash: malformed, minimist: malformed });
  });

  it("reads a gzipped answer, as npm's registry may send it", async () => {
    const body = gzipSync(JSON.stringify({ lodash: bulkFixture("lodash") }));
    const results = await ask((_b, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
      response.end(body);
    });
    expect(summary(results)).toEqual({ lodash: 2, minimist: 0 });
  });
});
