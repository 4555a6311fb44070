import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Cache, createDiskCache } from "../../src/cache/disk-cache.js";
import { analyzeProject, digestKey } from "../../src/collectors/usage/collect-usage.js";
import { usageLimits } from "../../src/collectors/usage/limits.js";
import type { FootprintCounters } from "../../src/collectors/usage/package-footprint.js";

const fixture = path.resolve(import.meta.dirname, "../fixtures/usage/footprint");
let work: string;
let cache: Cache;

beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), "jenga-usage-cache-"));
  cache = createDiskCache({ dir: path.join(work, "cache"), mode: "normal", now: () => new Date() });
});
afterEach(() => rm(work, { recursive: true, force: true }));

const counters = (): FootprintCounters => ({ packagesRead: 0, filesParsed: 0, cacheHits: 0 });

async function footprints(dir: string, options: { cache?: Cache; counters?: FootprintCounters }) {
  const analysis = await analyzeProject(dir, usageLimits, options);
  return new Map([...(analysis?.packages ?? [])].map(([name, u]) => [name, u.footprint]));
}

describe("the dependency side's cache", () => {
  it("measures a warm run from the cache alone, with the same result", async () => {
    const uncached = await footprints(fixture, {});
    const cold = counters();
    expect(await footprints(fixture, { cache, counters: cold })).toEqual(uncached);
    expect(cold.packagesRead).toBe(4);
    expect(cold.filesParsed).toBeGreaterThan(4);
    expect(cold.cacheHits).toBe(0);

    const warm = counters();
    expect(await footprints(fixture, { cache, counters: warm })).toEqual(uncached);
    expect(warm).toEqual({ packagesRead: 0, filesParsed: 0, cacheHits: 4 });
  });

  it("parses only what a new use reaches that the cached digest lacks", async () => {
    const project = path.join(work, "project");
    await cp(fixture, project, { recursive: true });
    const index = path.join(project, "src", "index.ts");
    // First the project loads one package only; then it loads all four.
    const full = await readFile(index, "utf8");
    const line = full.split("\n").find((l) => l.includes("exports-map"));
    await writeFile(index, `${line}\n`);
    await footprints(project, { cache });
    await writeFile(index, full);
    const expected = await footprints(project, {});
    const second = counters();
    expect(await footprints(project, { cache, counters: second })).toEqual(expected);
    expect(second.packagesRead).toBeGreaterThanOrEqual(3);
    const third = counters();
    expect(await footprints(project, { cache, counters: third })).toEqual(expected);
    expect(third).toMatchObject({ packagesRead: 0, filesParsed: 0 });
  });

  it("treats a damaged entry as a miss, and caches no package outside node_modules", async () => {
    await footprints(fixture, { cache });
    const folder = path.join(cache.dir, "usage");
    for (const file of await readdir(folder)) {
      await writeFile(path.join(folder, file), JSON.stringify({ key: "x", storedAt: "y" }));
    }
    const uncached = await footprints(fixture, {});
    const again = counters();
    expect(await footprints(fixture, { cache, counters: again })).toEqual(uncached);
    expect(again.packagesRead).toBe(4);
    expect(await digestKey("x", path.join(fixture, "src"), usageLimits)).toBeNull();
    expect(
      await digestKey("barrel-esm", path.join(fixture, "node_modules", "barrel-esm"), usageLimits),
    ).toMatch(/^barrel-esm@1\.0\.0#[0-9a-f]{16}$/);
  });
});
