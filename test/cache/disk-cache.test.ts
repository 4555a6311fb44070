import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cacheFileName, createDiskCache, isFresh } from "../../src/cache/disk-cache.js";
import { cacheFormats } from "../../src/cache/formats.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "jenga-cache-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));
const clock = () => new Date("2026-06-01T00:00:00Z");

describe("disk cache", () => {
  it("misses an entry written in another format of its source, and keeps the other sources'", async () => {
    const cache = createDiskCache({ dir, mode: "normal", now: clock });
    await cache.write("advisories", "a", { records: [] });
    await cache.write("registry", "a", { name: "a" });
    const file = path.join(dir, "v1", "advisories", cacheFileName("a"));
    const entry = JSON.parse(await readFile(file, "utf8"));
    await writeFile(file, JSON.stringify({ ...entry, format: cacheFormats.advisories - 1 }));
    expect(await cache.read("advisories", "a")).toBeNull();
    expect(await cache.read("registry", "a")).not.toBeNull();
  });

  it("round-trips an entry with its time and etag", async () => {
    const cache = createDiskCache({ dir, mode: "normal", now: clock });
    await cache.write("registry", "@scope/name", { a: 1 }, '"etag"');
    expect(await cache.read("registry", "@scope/name")).toEqual({
      key: "@scope/name",
      format: cacheFormats.registry,
      storedAt: "2026-06-01T00:00:00.000Z",
      etag: '"etag"',
      value: { a: 1 },
    });
  });

  it("ignores entries with --refresh", async () => {
    await createDiskCache({ dir, mode: "normal", now: clock }).write("registry", "a", 1);
    expect(
      await createDiskCache({ dir, mode: "refresh", now: clock }).read("registry", "a"),
    ).toBeNull();
  });

  it("treats a torn or foreign entry as a miss", async () => {
    const cache = createDiskCache({ dir, mode: "normal", now: clock });
    await cache.write("registry", "a", { big: "x".repeat(1000) });
    const file = path.join(dir, "v1", "registry", cacheFileName("a"));
    const text = await readFile(file, "utf8");
    await writeFile(file, text.slice(0, text.length / 2));
    expect(await cache.read("registry", "a")).toBeNull();
    await writeFile(file, JSON.stringify({ key: "b", storedAt: "2026-01-01", value: 1 }));
    expect(await cache.read("registry", "a")).toBeNull();
  });

  it("keeps hostile keys inside the cache folder", async () => {
    const cache = createDiskCache({ dir, mode: "normal", now: clock });
    for (const key of ["../../escape", "/etc/passwd", "..", "a\u0000b", "CON", "x".repeat(5000)]) {
      await cache.write("registry", key, key);
      expect(await cache.read("registry", key)).toMatchObject({ value: key });
    }
    expect(await readdir(dir)).toEqual(["v1"]);
    const files = await readdir(path.join(dir, "v1", "registry"));
    expect(files).toHaveLength(6);
    for (const f of files) expect(f).toMatch(/^[\w.-]+-[0-9a-f]{16}\.json$/);
  });

  it("keeps distinct keys distinct even when they read alike", () => {
    expect(cacheFileName("@a/b")).not.toBe(cacheFileName("_a_b"));
  });

  it("judges freshness by age", () => {
    const entry = { key: "a", storedAt: "2026-05-31T12:00:00Z", etag: null, value: 1 };
    expect(isFresh(entry, 24 * 3600_000, clock())).toBe(true);
    expect(isFresh(entry, 6 * 3600_000, clock())).toBe(false);
    // An entry from the future (clock skew, tampering) is not trusted as fresh.
    expect(isFresh({ ...entry, storedAt: "2027-01-01T00:00:00Z" }, 24 * 3600_000, clock())).toBe(
      false,
    );
  });
});
