/**
 * The registry's bulk advisory endpoint: its answer read into advisories
 * (pure), and the client that posts each package, in batches, to the registry
 * that serves it, with that registry's token only.
 */
import { afterEach, describe, expect, it } from "vitest";
import { parseBulkAnswer } from "../../src/collectors/advisories/bulk-advisory.js";
import {
  batchesOf,
  createBulkAdvisoryClient,
} from "../../src/collectors/advisories/bulk-advisory-client.js";
import { fromBulkAdvisories } from "../../src/collectors/advisories/from-bulk-advisories.js";
import { type RegistryCredential, Secret } from "../../src/collectors/http/npm-settings.js";
import { nerfDart } from "../../src/collectors/http/registry-auth.js";
import {
  affectsVersion,
  fixedVersions,
  lowestFixFor,
} from "../../src/signals/advisories/affects.js";
import {
  type BulkServer,
  bulkFixture,
  bulkPath,
  sendBody,
  startBulkServer,
} from "./helpers/bulk-advisory-server.js";
import { testSettings } from "./helpers/registry-server.js";

const token = (value: string): RegistryCredential => ({ kind: "token", token: new Secret(value) });

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

async function server(answer?: Parameters<typeof startBulkServer>[0]): Promise<BulkServer> {
  const started = await startBulkServer(answer);
  cleanup.push(() => started.close());
  return started;
}

describe("fromBulkAdvisories", () => {
  it("makes one advisory per GHSA id, with the ranges of all its entries and no dates", () => {
    const parsed = parseBulkAnswer({ minimist: bulkFixture("minimist") }, ["minimist"]);
    const result = parsed.get("minimist");
    expect(result?.ok).toBe(true);
    const evidence = fromBulkAdvisories("minimist", result?.ok ? result.advisories : []);
    expect(evidence.source).toBe("registry-bulk");
    expect(evidence.advisories.map((a) => [a.id, a.severity, a.score, a.published])).toEqual([
      ["GHSA-vh95-rmgr-6w4m", "medium", 5.6, null],
      ["GHSA-xvch-5gv4-984h", "critical", 9.8, null],
    ]);
    const xvch = evidence.advisories[1]?.affected ?? [];
    expect(xvch.map((e) => e.semver)).toEqual(["<0.2.4", ">=1.0.0 <1.2.6"]);
    // npm's reading of the ranges: both lines affected, each fixed at its upper bound.
    expect(affectsVersion("0.0.8", xvch)).toBe(true);
    expect(affectsVersion("1.2.5", xvch)).toBe(true);
    expect(affectsVersion("1.2.6", xvch)).toBe(false);
    expect(affectsVersion("0.2.4", xvch)).toBe(false);
    expect(fixedVersions(xvch)).toEqual(["0.2.4", "1.2.6"]);
    expect(lowestFixFor("1.2.5", [xvch])).toBe("1.2.6");
  });

  it("names an advisory without a GHSA url by npm's id, and rates it by its words", () => {
    const parsed = parseBulkAnswer(
      {
        "left-pad": [
          {
            id: 42,
            url: null,
            title: "Something",
            severity: "moderate",
            vulnerable_versions: "<1.3.0",
          },
        ],
      },
      ["left-pad"],
    );
    const result = parsed.get("left-pad");
    const evidence = fromBulkAdvisories("left-pad", result?.ok ? result.advisories : []);
    expect(evidence.advisories).toMatchObject([{ id: "npm-42", severity: "medium", score: null }]);
  });

  it("reads npm's shorthand ranges as npm does, fixes included", () => {
    const caret = [{ ranges: [], versions: [], semver: "^1.2.3" }];
    expect(affectsVersion("1.9.0", caret)).toBe(true);
    expect(affectsVersion("2.0.0", caret)).toBe(false);
    expect(fixedVersions(caret)).toEqual(["2.0.0"]);
    // An inclusive bound names no fix, like OSV's last_affected.
    expect(fixedVersions([{ ranges: [], versions: [], semver: "<=1.7.3" }])).toEqual([]);
  });
});

describe("batchesOf", () => {
  it("cuts runs of queries by count and by bytes, never splitting a package", () => {
    const queries = ["a", "b", "c", "d", "e"].map((name) => ({ name, versions: ["1.0.0"] }));
    expect(batchesOf(queries, { names: 2, bytes: 10_000 }).map((b) => b.length)).toEqual([2, 2, 1]);
    const big = { name: "big", versions: Array.from({ length: 50 }, (_, i) => `1.0.${i}`) };
    expect(
      batchesOf(
        [queries[0], big, queries[1]].flatMap((q) => (q ? [q] : [])),
        { names: 100, bytes: 100 },
      ).map((b) => b.map((q) => q.name)),
    ).toEqual([["a"], ["big"], ["b"]]);
  });
});

describe("createBulkAdvisoryClient", () => {
  it("posts every version of every package, in batches, and reads each answer", async () => {
    const registry = await server();
    const client = createBulkAdvisoryClient(testSettings(registry.url), {
      maxNamesPerBatch: 2,
      retries: 0,
    });
    cleanup.push(() => client.close());
    const results = await client.advisoriesFor([
      { name: "minimist", versions: ["0.0.8", "1.2.5"] },
      { name: "lodash", versions: ["4.17.20"] },
      { name: "left-pad", versions: ["1.3.0"] },
      { name: "ms", versions: ["2.1.2", "2.1.3"] },
      { name: "debug", versions: ["4.3.4"] },
    ]);
    // The first batch goes alone (it tells a registry without the endpoint apart), the rest at once.
    expect(registry.posts[0]?.body).toEqual({ minimist: ["0.0.8", "1.2.5"], lodash: ["4.17.20"] });
    expect(registry.posts).toHaveLength(3);
    expect(registry.posts.slice(1).map((p) => p.body)).toEqual(
      expect.arrayContaining([
        { "left-pad": ["1.3.0"], ms: ["2.1.2", "2.1.3"] },
        { debug: ["4.3.4"] },
      ]),
    );
    expect(registry.posts.every((p) => p.path === bulkPath)).toBe(true);
    const count = (name: string) => {
      const r = results.get(name);
      return r?.ok ? r.advisories.length : r?.status;
    };
    expect([count("minimist"), count("lodash"), count("left-pad"), count("debug")]).toEqual([
      3, 2, 0, 0,
    ]);
  });

  it("sends a scoped package only to its scope's registry, with that registry's token only", async () => {
    const publicRegistry = await server();
    const privateRegistry = await server();
    const settings = testSettings(publicRegistry.url, {
      scopes: { "@acme": privateRegistry.url },
      credentials: {
        [nerfDart(publicRegistry.url)]: token("npm_PUBLIC_token"),
        [nerfDart(privateRegistry.url)]: token("npm_PRIVATE_token"),
      },
    });
    const client = createBulkAdvisoryClient(settings, { retries: 0 });
    cleanup.push(() => client.close());
    const results = await client.advisoriesFor([
      { name: "@acme/widget-core", versions: ["2.0.0"] },
      { name: "lodash", versions: ["4.17.20"] },
      { name: "@other/thing", versions: ["1.0.0"] },
    ]);
    expect(privateRegistry.posts).toEqual([
      {
        path: bulkPath,
        authorization: "Bearer npm_PRIVATE_token",
        body: { "@acme/widget-core": ["2.0.0"] },
      },
    ]);
    expect(publicRegistry.posts).toEqual([
      {
        path: bulkPath,
        authorization: "Bearer npm_PUBLIC_token",
        body: { lodash: ["4.17.20"], "@other/thing": ["1.0.0"] },
      },
    ]);
    expect(results.get("@acme/widget-core")).toEqual({ ok: true, advisories: [] });
  });

  it("drops the token on a redirect to another origin, and keeps POSTing the same body", async () => {
    const target = await server();
    const front = await server((_body, response) => {
      response.writeHead(307, { location: `${target.url}${bulkPath.slice(1)}` }).end();
    });
    const settings = testSettings(front.url, {
      credentials: { [nerfDart(front.url)]: token("npm_FRONT_token") },
    });
    const client = createBulkAdvisoryClient(settings, { retries: 0 });
    cleanup.push(() => client.close());
    const results = await client.advisoriesFor([{ name: "lodash", versions: ["4.17.20"] }]);
    expect(front.posts[0]?.authorization).toBe("Bearer npm_FRONT_token");
    expect(target.posts).toEqual([
      { path: bulkPath, authorization: undefined, body: { lodash: ["4.17.20"] } },
    ]);
    expect(results.get("lodash")?.ok).toBe(true);
  });

  it("says in one line that a registry refusing the endpoint does not offer it, and asks it once", async () => {
    const registry = await server((_body, response) =>
      sendBody(response, 405, "Method Not Allowed"),
    );
    const client = createBulkAdvisoryClient(testSettings(registry.url), {
      maxNamesPerBatch: 1,
      retries: 0,
    });
    cleanup.push(() => client.close());
    const results = await client.advisoriesFor([
      { name: "lodash", versions: ["4.17.20"] },
      { name: "minimist", versions: ["1.2.5"] },
      { name: "ms", versions: ["2.1.3"] },
    ]);
    expect(registry.posts).toHaveLength(1);
    for (const name of ["lodash", "minimist", "ms"])
      expect(results.get(name)).toEqual({
        ok: false,
        status: "unavailable: the registry does not offer bulk advisories (405)",
      });
  });

  it("retries a 503 and then answers", async () => {
    let calls = 0;
    const registry = await server((body, response) => {
      calls += 1;
      if (calls === 1) sendBody(response, 503, "busy");
      else sendBody(response, 200, { lodash: bulkFixture("lodash") });
      void body;
    });
    const client = createBulkAdvisoryClient(testSettings(registry.url), { sleep: async () => {} });
    cleanup.push(() => client.close());
    const results = await client.advisoriesFor([{ name: "lodash", versions: ["4.17.20"] }]);
    expect(calls).toBe(2);
    expect(results.get("lodash")?.ok).toBe(true);
  });
});
