import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type CacheMode, createDiskCache } from "../../src/cache/disk-cache.js";
import { collectAdvisories } from "../../src/collectors/advisories/collect-advisories.js";
import { openOsvExport } from "../../src/collectors/advisories/export-source.js";
import { parseOsvRecord } from "../../src/collectors/advisories/parse-osv-record.js";
import type {
  AdvisorySource,
  OsvRecord,
  RecordsResult,
} from "../../src/collectors/advisories/types.js";
import { now } from "../helpers/evidence.js";

const recordsDir = path.resolve(import.meta.dirname, "../fixtures/osv/records");
const load = async (id: string) =>
  parseOsvRecord(
    JSON.parse(await readFile(path.join(recordsDir, `${id}.json`), "utf8")),
  ) as OsvRecord;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "jenga-adv-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** An API-like source answering from memory, counting lookups. */
function fakeApi(answer: (name: string) => RecordsResult) {
  const asked: string[][] = [];
  const source: AdvisorySource = {
    kind: "osv-api",
    cacheable: true,
    async recordsFor(names) {
      asked.push([...names]);
      return new Map(names.map((n) => [n, answer(n)]));
    },
    async close() {},
  };
  return { source, asked };
}

const cacheAt = (date: Date, mode: CacheMode = "normal") =>
  createDiskCache({ dir: path.join(dir, "cache"), mode, now: () => date });
const hoursLater = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

describe("collectAdvisories", () => {
  it("fetches once, then serves from the cache while fresh", async () => {
    const minimist = await load("GHSA-xvch-5gv4-984h");
    const { source, asked } = fakeApi((n) => ({
      ok: true,
      records: n === "minimist" ? [minimist] : [],
    }));
    const first = await collectAdvisories(["minimist", "left-pad"], {
      source,
      cache: cacheAt(now),
      now: () => now,
    });
    expect(first.get("minimist")?.status).toBe("ok");
    expect(first.get("minimist")?.data?.advisories.map((a) => a.id)).toEqual([
      "GHSA-xvch-5gv4-984h",
    ]);
    expect(first.get("left-pad")?.data?.advisories).toEqual([]);

    const later = hoursLater(11);
    const second = await collectAdvisories(["minimist"], {
      source,
      cache: cacheAt(later),
      now: () => later,
    });
    expect(second.get("minimist")?.fromCache).toBe(true);
    expect(asked).toEqual([["minimist", "left-pad"]]);
  });

  it("refetches after the advisories TTL and keeps stale data when the source fails", async () => {
    const minimist = await load("GHSA-xvch-5gv4-984h");
    let up = true;
    const { source, asked } = fakeApi(() =>
      up
        ? { ok: true, records: [minimist] }
        : { ok: false, status: "unavailable: HTTP 503 after 3 retries" },
    );
    await collectAdvisories(["minimist"], { source, cache: cacheAt(now), now: () => now });
    up = false;
    const later = hoursLater(13);
    const stale = await collectAdvisories(["minimist"], {
      source,
      cache: cacheAt(later),
      now: () => later,
    });
    expect(asked).toHaveLength(2);
    expect(stale.get("minimist")?.status).toBe("ok");
    expect(stale.get("minimist")?.fetchedAt).toBe(now.toISOString());
    const fresh = await collectAdvisories(["left-pad"], {
      source,
      cache: cacheAt(later),
      now: () => later,
    });
    expect(fresh.get("left-pad")?.status).toBe("unavailable: HTTP 503 after 3 retries");
  });

  it("offline: serves any cached entry, else says it is not in the cache", async () => {
    const { source } = fakeApi(() => ({ ok: true, records: [] }));
    await collectAdvisories(["minimist"], { source, cache: cacheAt(now), now: () => now });
    const muchLater = hoursLater(24 * 30);
    const offline = await collectAdvisories(["minimist", "lodash"], {
      source: null,
      cache: cacheAt(muchLater, "offline"),
      now: () => muchLater,
    });
    expect(offline.get("minimist")?.status).toBe("ok");
    expect(offline.get("lodash")?.status).toBe("offline: not in cache");
  });

  it("--no-advisories skips every package", async () => {
    const { source, asked } = fakeApi(() => ({ ok: true, records: [] }));
    const result = await collectAdvisories(["a", "b"], {
      source,
      cache: cacheAt(now),
      now: () => now,
      enabled: false,
    });
    expect([...result.values()].map((e) => e.status)).toEqual([
      "skipped: --no-advisories",
      "skipped: --no-advisories",
    ]);
    expect(asked).toEqual([]);
  });

  it("reads an export afresh (never cached) and reports its kind", async () => {
    await writeFile(
      path.join(dir, "GHSA-xvch-5gv4-984h.json"),
      await readFile(path.join(recordsDir, "GHSA-xvch-5gv4-984h.json")),
    );
    const source = openOsvExport(dir);
    const result = await collectAdvisories(["minimist"], {
      source,
      cache: cacheAt(now, "offline"),
      now: () => now,
    });
    await source.close();
    expect(result.get("minimist")?.status).toBe("ok");
    expect(result.get("minimist")?.data?.source).toBe("osv-export");
    expect(result.get("minimist")?.fromCache).toBe(false);
  });
});
