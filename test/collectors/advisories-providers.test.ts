/**
 * The advisory providers together: the registry's bulk endpoint and the OSV
 * API asked at once, merged by GHSA id, `ok` when either answered, a one-line
 * status when neither did; the registry's answers cached per package and
 * version set, and served alone offline.
 */
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import type { IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type CacheMode, createDiskCache } from "../../src/cache/disk-cache.js";
import {
  collectPackageAdvisories,
  type PackageAdvisoryOptions,
} from "../../src/collectors/advisories/collect-package-advisories.js";
import type { InventoryPackage } from "../../src/inventory/types.js";
import { defaultPolicy } from "../../src/scoring/policy.js";
import { advisoryTimeline } from "../../src/signals/advisories/advisory-timeline.js";
import { timeToFix } from "../../src/signals/advisories/time-to-fix.js";
import { inventoryPackage, now, registryEvidence, version } from "../helpers/evidence.js";
import { type BulkServer, sendBody, startBulkServer } from "./helpers/bulk-advisory-server.js";
import { startServer, type TestServer, testSettings } from "./helpers/registry-server.js";

const recordsDir = path.resolve(import.meta.dirname, "../fixtures/osv/records");

let dir: string;
const cleanup: Array<() => Promise<void>> = [];
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "jenga-providers-"));
});
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
  await rm(dir, { recursive: true, force: true });
});

const packages: InventoryPackage[] = [
  inventoryPackage({ name: "minimist", versions: ["1.2.5"] }),
  inventoryPackage({ name: "left-pad", versions: ["1.3.0"] }),
];

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** An OSV API that knows one minimist advisory (the dated GHSA record). */
async function startOsv(): Promise<TestServer> {
  const server = await startServer(async (request, response) => {
    if (request.url === "/v1/querybatch") {
      const { queries } = JSON.parse(await readBody(request)) as {
        queries: { package: { name: string } }[];
      };
      const results = queries.map((q) =>
        q.package.name === "minimist" ? { vulns: [{ id: "GHSA-xvch-5gv4-984h" }] } : {},
      );
      sendBody(response, 200, { results });
      return;
    }
    const id = /^\/v1\/vulns\/(.+)$/.exec(request.url ?? "")?.[1] ?? "";
    sendBody(response, 200, readFileSync(path.join(recordsDir, `${id}.json`), "utf8"));
  });
  cleanup.push(() => server.close());
  return server;
}

async function bulk(answer?: Parameters<typeof startBulkServer>[0]): Promise<BulkServer> {
  const server = await startBulkServer(answer);
  cleanup.push(() => server.close());
  return server;
}

const closedPort = "http://127.0.0.1:9/";

/**
 * An OSV API behind a proxy that blocks it: a 403 at once. For tests where OSV plays no part,
 * instead of the closed port, whose refused connections are retried with backoff (~3 s a run).
 */
async function blockedOsv(): Promise<string> {
  const server = await startServer((_request, response) => sendBody(response, 403, "blocked"));
  cleanup.push(() => server.close());
  return server.url;
}

function run(
  registry: string,
  osvUrl: string,
  overrides: Partial<PackageAdvisoryOptions> = {},
  mode: CacheMode = "normal",
) {
  const cache = createDiskCache({ dir: path.join(dir, "cache"), mode, now: () => now });
  return collectPackageAdvisories(
    packages,
    {
      cwd: dir,
      env: { JENGA_OSV_URL: osvUrl },
      toolVersion: "0.0.0-test",
      offline: mode === "offline",
      enabled: true,
      ...(mode === "offline" ? {} : { npmSettings: testSettings(registry) }),
      ...overrides,
    },
    { cache, now: () => now },
  );
}

describe("advisory providers", () => {
  it("is ok from the registry alone when OSV is unreachable, and says why dates are unknown", async () => {
    const registry = await bulk();
    const result = await run(registry.url, closedPort);
    const minimist = result.get("minimist");
    expect(minimist?.status).toBe("ok");
    expect(minimist?.data?.source).toBe("registry-bulk");
    expect(minimist?.data?.providers).toEqual([
      { provider: "registry-bulk", status: "ok" },
      { provider: "osv-api", status: expect.stringMatching(/^unavailable: /) },
    ]);
    expect(minimist?.data?.advisories.map((a) => [a.id, a.published])).toEqual([
      ["GHSA-vh95-rmgr-6w4m", null],
      ["GHSA-xvch-5gv4-984h", null],
    ]);
    expect(result.get("left-pad")).toMatchObject({ status: "ok", data: { advisories: [] } });
    // No dates: time to fix and the timeline are unknown, and say why.
    const evidence = {
      advisories: minimist?.data ?? { name: "", source: "osv-api" as const, advisories: [] },
      registry: registryEvidence({
        "1.2.5": version("2020-03-12T00:00:00Z"),
        "1.2.6": version("2022-03-17T00:00:00Z"),
      }),
    };
    const input = { evidence, pkg: packages[0] as InventoryPackage, now, policy: defaultPolicy };
    for (const signal of [timeToFix, advisoryTimeline])
      expect(signal.compute(input)).toEqual({
        value: null,
        note: "only the registry's bulk advisories answered, and they carry no publication dates",
      });
  });

  it("merges both by GHSA id, OSV's dated record winning, the registry's extra advisory kept", async () => {
    const registry = await bulk();
    const osv = await startOsv();
    const minimist = (await run(registry.url, osv.url)).get("minimist");
    expect(minimist?.status).toBe("ok");
    expect(minimist?.data?.providers?.map((p) => p.status)).toEqual(["ok", "ok"]);
    expect(minimist?.data?.advisories.map((a) => [a.id, a.published])).toEqual([
      ["GHSA-vh95-rmgr-6w4m", null],
      ["GHSA-xvch-5gv4-984h", "2022-03-18T00:01:09Z"],
    ]);
  });

  it("falls back to OSV when the registry refuses the endpoint, and says so when nothing answers", async () => {
    const refusing = await bulk((_body, response) => sendBody(response, 405, "Method Not Allowed"));
    const osv = await startOsv();
    const fallback = (await run(refusing.url, osv.url)).get("minimist");
    expect(fallback?.status).toBe("ok");
    expect(fallback?.data?.source).toBe("osv-api");
    expect(fallback?.data?.providers?.[0]).toEqual({
      provider: "registry-bulk",
      status: "unavailable: the registry does not offer bulk advisories (405)",
    });
    const nothing = (await run(refusing.url, closedPort, {}, "refresh")).get("minimist");
    expect(nothing?.status).toMatch(
      /^unavailable: the registry does not offer bulk advisories \(405\); OSV API: unavailable: \S+$/,
    );
  });

  it("caches the registry's answer per package and version set, and serves it offline", async () => {
    const registry = await bulk();
    const osvUrl = await blockedOsv();
    await run(registry.url, osvUrl);
    expect(registry.posts).toHaveLength(1);
    const again = await run(registry.url, osvUrl);
    expect(registry.posts).toHaveLength(1);
    expect(again.get("minimist")).toMatchObject({ status: "ok", fromCache: true });
    const offline = await run(registry.url, osvUrl, {}, "offline");
    expect(offline.get("minimist")?.data?.advisories).toHaveLength(2);
    // Another version set is another question.
    const upgraded = [inventoryPackage({ name: "minimist", versions: ["1.2.6"] })];
    const cache = createDiskCache({ dir: path.join(dir, "cache"), mode: "normal", now: () => now });
    await collectPackageAdvisories(
      upgraded,
      {
        cwd: dir,
        env: { JENGA_OSV_URL: osvUrl },
        toolVersion: "0",
        offline: false,
        enabled: true,
        npmSettings: testSettings(registry.url),
      },
      { cache, now: () => now },
    );
    expect(registry.posts.at(-1)?.body).toEqual({ minimist: ["1.2.6"] });
  });

  it("reads only the export when --osv is given", async () => {
    const registry = await bulk();
    const result = await run(registry.url, closedPort, { osv: path.join(dir, "missing-export") });
    expect(registry.posts).toHaveLength(0);
    expect(result.get("minimist")?.status).toMatch(/^unavailable: /);
  });
});
