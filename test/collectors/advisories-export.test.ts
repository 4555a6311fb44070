import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openOsvExport } from "../../src/collectors/advisories/export-source.js";
import { defaultExportLimits } from "../../src/collectors/advisories/limits.js";
import type { RecordsResult } from "../../src/collectors/advisories/types.js";
import { writeZip } from "./advisories-zip-writer.js";

const recordsDir = path.resolve(import.meta.dirname, "../fixtures/osv/records");
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "jenga-osv-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fixtureFiles(): Promise<{ name: string; text: string }[]> {
  const names = (await readdir(recordsDir)).sort();
  return Promise.all(
    names.map(async (name) => ({
      name,
      text: await readFile(path.join(recordsDir, name), "utf8"),
    })),
  );
}

const ids = (result: RecordsResult | undefined) =>
  result?.ok ? result.records.map((r) => r.id).sort() : result;

async function lookup(exportPath: string, names: string[], limits = defaultExportLimits) {
  const source = openOsvExport(exportPath, limits);
  try {
    return { results: await source.recordsFor(names), kind: source.kind };
  } finally {
    await source.close();
  }
}

describe("OSV export folder", () => {
  it("indexes records by affected npm package; withdrawn ones are dropped", async () => {
    for (const f of await fixtureFiles()) await writeFile(path.join(dir, f.name), f.text);
    await writeFile(path.join(dir, "broken.json"), "{ not json");
    const { results, kind } = await lookup(dir, ["minimist", "lodash-es", "left-pad"]);
    expect(kind).toBe("osv-export");
    expect(ids(results.get("minimist"))).toEqual([
      "CVE-2021-44906",
      "GHSA-vh95-rmgr-6w4m",
      "GHSA-xvch-5gv4-984h",
    ]);
    expect(ids(results.get("lodash-es"))).toEqual(["GHSA-p6mc-m468-83gw"]);
    expect(ids(results.get("left-pad"))).toEqual([]);
  });

  it("does not follow a symbolic link out of the export", async () => {
    const outside = await mkdtemp(path.join(tmpdir(), "jenga-outside-"));
    try {
      const f = (await fixtureFiles()).find((x) => x.name.startsWith("GHSA-jf85")) as {
        name: string;
        text: string;
      };
      await writeFile(path.join(outside, f.name), f.text);
      await symlink(outside, path.join(dir, "linked"));
      await symlink(path.join(outside, f.name), path.join(dir, "linked.json"));
      const { results } = await lookup(dir, ["lodash"]);
      expect(ids(results.get("lodash"))).toEqual([]);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it("says so when the path does not exist, without naming it", async () => {
    const { results } = await lookup(path.join(dir, "missing.zip"), ["lodash"]);
    expect(results.get("lodash")).toEqual({
      ok: false,
      status: "unavailable: OSV export not found",
    });
  });
});

describe("GitHub advisory database layout", () => {
  it("reads advisories/github-reviewed/YYYY/MM/<id>/<id>.json and skips unreviewed", async () => {
    for (const f of await fixtureFiles()) {
      if (!f.name.startsWith("GHSA-")) continue;
      const id = f.name.replace(/\.json$/, "");
      const published = (JSON.parse(f.text) as { published: string }).published;
      const folder = path.join(
        dir,
        "advisories/github-reviewed",
        published.slice(0, 4),
        published.slice(5, 7),
        id,
      );
      await mkdir(folder, { recursive: true });
      await writeFile(path.join(folder, f.name), f.text);
    }
    const unreviewed = path.join(dir, "advisories/unreviewed/2024/01/GHSA-zzzz-zzzz-zzzz");
    await mkdir(unreviewed, { recursive: true });
    await writeFile(
      path.join(unreviewed, "GHSA-zzzz-zzzz-zzzz.json"),
      JSON.stringify({
        id: "GHSA-zzzz-zzzz-zzzz",
        affected: [{ package: { ecosystem: "npm", name: "lodash" } }],
      }),
    );
    const { results, kind } = await lookup(dir, ["lodash"]);
    expect(kind).toBe("github-advisory-database");
    expect(ids(results.get("lodash"))).toEqual([
      "GHSA-29mw-wpgm-hmr9",
      "GHSA-35jh-r3h4-6jhm",
      "GHSA-jf85-cpcp-j695",
      "GHSA-p6mc-m468-83gw",
    ]);
  });
});

describe("OSV export zip (npm/all.zip layout)", () => {
  it("reads records from the zip in memory", async () => {
    const files = await fixtureFiles();
    const zip = path.join(dir, "all.zip");
    await writeFile(zip, writeZip(files.map((f) => ({ name: f.name, data: f.text }))));
    const { results } = await lookup(zip, ["lodash", "minimist"]);
    expect(ids(results.get("lodash"))).toHaveLength(4);
    expect(ids(results.get("minimist"))).toHaveLength(3);
    // Nothing was extracted next to the zip.
    expect(await readdir(dir)).toEqual(["all.zip"]);
  });

  const record = JSON.stringify({
    id: "GHSA-aaaa-bbbb-cccc",
    affected: [{ package: { ecosystem: "npm", name: "p" } }],
  });
  const hostile: [string, () => Buffer, Partial<typeof defaultExportLimits>, string][] = [
    [
      "an entry name with ../",
      () => writeZip([{ name: "../../evil.json", data: record }]),
      {},
      "an entry name points outside the archive",
    ],
    [
      "an entry name with ..\\",
      () => writeZip([{ name: "..\\..\\evil.json", data: record }]),
      {},
      "an entry name points outside the archive",
    ],
    [
      "an absolute entry name",
      () => writeZip([{ name: "/etc/evil.json", data: record }]),
      {},
      "an entry name points outside the archive",
    ],
    [
      "a huge declared size",
      () => writeZip([{ name: "a.json", data: record, declaredSize: 0xfffffff0 }]),
      {},
      `an entry declares ${0xfffffff0} bytes (limit ${defaultExportLimits.maxRecordBytes})`,
    ],
    [
      "a size that lies low (inflates past what it declares)",
      () => writeZip([{ name: "a.json", data: Buffer.alloc(100_000, 32), declaredSize: 100 }]),
      {},
      "an entry inflates to a size other than declared",
    ],
    [
      "a compression ratio only filler reaches",
      () => writeZip([{ name: "a.json", data: Buffer.alloc(4 * 1024 * 1024, 32) }]),
      {},
      "an entry is compressed",
    ],
    [
      "too many entries",
      () => writeZip(Array.from({ length: 6 }, (_, i) => ({ name: `${i}.json`, data: record }))),
      { maxEntries: 5 },
      "too many entries (6, limit 5)",
    ],
    [
      "an entry count that lies high",
      () => writeZip([{ name: "a.json", data: record }], { declaredCount: 60_000 }),
      { maxEntries: 50_000 },
      "too many entries (60000, limit 50000)",
    ],
    [
      "too many bytes in total",
      () => writeZip(Array.from({ length: 4 }, (_, i) => ({ name: `${i}.json`, data: record }))),
      { maxTotalBytes: record.length * 3 },
      `over ${record.length * 3} bytes uncompressed`,
    ],
    ["not a zip at all", () => Buffer.from("PK not really"), {}, "not a zip file"],
  ];

  it.each(hostile)("refuses %s", async (_name, build, limits, reason) => {
    const zip = path.join(dir, "hostile.zip");
    await writeFile(zip, build());
    const { results } = await lookup(zip, ["p"], { ...defaultExportLimits, ...limits });
    const result = results.get("p");
    expect(result?.ok).toBe(false);
    expect(result?.ok === false && result.status).toContain(
      `unavailable: OSV export refused: ${reason}`,
    );
    expect(await readdir(dir)).toEqual(["hostile.zip"]);
  });
});
