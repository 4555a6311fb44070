/**
 * A project whose dependencies are not installed: each imported package is
 * measured from its registry tarball, served by a local registry on
 * 127.0.0.1 from the footprint fixture's own packages, so the numbers must be
 * those of the installed copies.
 */
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Cache, createDiskCache } from "../../src/cache/disk-cache.js";
import { analyzeProject, collectUsage } from "../../src/collectors/usage/collect-usage.js";
import { usageLimits } from "../../src/collectors/usage/limits.js";
import type { FootprintCounters } from "../../src/collectors/usage/package-footprint.js";
import {
  createTarballClient,
  type TarballClient,
} from "../../src/collectors/usage/tarball-client.js";
import type { PackageFootprint, UsageEvidence } from "../../src/collectors/usage/types.js";
import type { InventoryPackage } from "../../src/inventory/types.js";
import { inventoryPackage, now } from "../helpers/evidence.js";
import type { TestServer } from "./helpers/registry-server.js";
import { testSettings } from "./helpers/registry-server.js";
import { type Published, packFolder, startTarballRegistry } from "./helpers/tarball.js";

const fixture = path.resolve(import.meta.dirname, "../fixtures/usage/footprint");
const installed = ["barrel-esm", "cjs-object", "exports-map", "whole-ns"];
const versionOf: Record<string, string> = {
  "barrel-esm": "1.0.0",
  "cjs-object": "1.0.0",
  "exports-map": "2.0.0",
  "whole-ns": "1.0.0",
};

let work: string;
let project: string;
let published: Record<string, Published>;
const cleanup: Array<() => Promise<void>> = [];

beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), "jenga-usage-tarball-"));
  project = path.join(work, "project");
  // The fixture's sources and manifest, without its node_modules: nothing is installed.
  await cp(path.join(fixture, "src"), path.join(project, "src"), { recursive: true });
  await cp(path.join(fixture, "package.json"), path.join(project, "package.json"));
  published = {};
  for (const name of installed) {
    const bytes = await packFolder(path.join(fixture, "node_modules", name));
    published[name] = { versions: { [versionOf[name] as string]: bytes } };
  }
});
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
  await rm(work, { recursive: true, force: true });
});

const counters = (): FootprintCounters => ({ packagesRead: 0, filesParsed: 0, cacheHits: 0 });
const cacheAt = (dir: string, mode: "normal" | "offline" = "normal"): Cache =>
  createDiskCache({ dir: path.join(work, dir), mode, now: () => now });

function inventory(names = [...installed, "absent-pkg-xyz"]): InventoryPackage[] {
  return names.map((name) =>
    inventoryPackage({ name, versions: [versionOf[name] ?? "1.0.0"], path: ["app", name] }),
  );
}

async function registry(): Promise<{ server: TestServer; client: TarballClient }> {
  const server = await startTarballRegistry(published);
  const client = createTarballClient(testSettings(server.url), { retries: 0, timeoutMs: 2_000 });
  cleanup.push(
    () => server.close(),
    () => client.close(),
  );
  return { server, client };
}

async function footprints(
  declared: InventoryPackage[],
  options: Omit<Parameters<typeof collectUsage>[2], "enabled" | "now">,
): Promise<Map<string, PackageFootprint | undefined>> {
  const usage = await collectUsage([project], declared, {
    enabled: true,
    now: () => now,
    ...options,
  });
  return new Map(
    [...usage].map(([name, evidence]) => [
      name,
      (evidence.data as UsageEvidence | null)?.footprint,
    ]),
  );
}

/** The installed copies' footprints, measured from the fixture's node_modules. */
async function installedFootprints(): Promise<Map<string, PackageFootprint | undefined>> {
  const analysis = await analyzeProject(fixture, usageLimits);
  return new Map([...(analysis?.packages ?? [])].map(([name, u]) => [name, u.footprint]));
}

describe("measuring a package that is not installed from its registry tarball", () => {
  it("gives the installed copy's numbers, and says where they come from", async () => {
    const { client } = await registry();
    const measured = await footprints(inventory(), { tarballs: client });
    const expected = await installedFootprints();
    for (const name of installed) {
      const footprint = measured.get(name);
      const version = versionOf[name];
      expect(footprint?.caveats[0], name).toBe(
        `measured from the registry tarball of ${name}@${version}: not installed here`,
      );
      expect({ ...footprint, caveats: footprint?.caveats.slice(1) }, name).toEqual(
        expected.get(name),
      );
    }
    expect(measured.get("barrel-esm")?.code).toMatchObject({ usedFiles: 5, totalFiles: 6 });
    expect(measured.get("absent-pkg-xyz")?.status).toBe("tarball unavailable: 404 not found");
  });

  it("fetches the highest resolved version, and says so", async () => {
    const bytes = published["whole-ns"]?.versions["1.0.0"] as Buffer;
    published["whole-ns"] = { versions: { "0.9.0": bytes, "1.0.0": bytes } };
    const { server, client } = await registry();
    const declared = inventory();
    const whole = declared.find((p) => p.name === "whole-ns") as InventoryPackage;
    whole.versions = ["0.9.0", "1.0.0"];
    const measured = await footprints(declared, { tarballs: client });
    expect(measured.get("whole-ns")?.caveats[0]).toBe(
      "measured from the registry tarball of whole-ns@1.0.0 (the highest of 2 resolved): not installed here",
    );
    expect(server.requests.map((r) => r.url)).toContain("/whole-ns/-/whole-ns-1.0.0.tgz");
  });

  it("makes no request and parses nothing on a warm run", async () => {
    const { server, client } = await registry();
    const cache = cacheAt("cache");
    const cold = counters();
    const first = await footprints(inventory(), { tarballs: client, cache, counters: cold });
    expect(cold.packagesRead).toBe(4);
    const requests = server.requests.length;
    expect(requests).toBe(4 * 2 + 1);

    const warm = counters();
    expect(await footprints(inventory(), { tarballs: client, cache, counters: warm })).toEqual(
      first,
    );
    expect(warm).toEqual({ packagesRead: 0, filesParsed: 0, cacheHits: 4 });
    // Only the package with no tarball is asked for again.
    expect(server.requests.length).toBe(requests + 1);
  });

  it("offline, measures from the cache alone, and says when the cache has nothing", async () => {
    const { server, client } = await registry();
    const first = await footprints(inventory(), { tarballs: client, cache: cacheAt("cache") });
    const requests = server.requests.length;

    const offline = await footprints(inventory(), {
      tarballs: null,
      cache: cacheAt("cache", "offline"),
    });
    for (const name of installed) expect(offline.get(name), name).toEqual(first.get(name));
    const empty = await footprints(inventory(), {
      tarballs: null,
      cache: cacheAt("empty", "offline"),
    });
    for (const name of installed)
      expect(empty.get(name)?.status, name).toBe("not installed: not in the cache (offline)");
    expect(server.requests.length).toBe(requests);
  });

  it("refuses a tarball whose digest does not match its packument", async () => {
    (published["cjs-object"] as Published).integrity = `sha512-${"A".repeat(86)}==`;
    const { client } = await registry();
    const measured = await footprints(inventory(), { tarballs: client });
    expect(measured.get("cjs-object")).toMatchObject({
      status: "tarball unavailable: integrity mismatch",
      code: null,
    });
    expect(measured.get("barrel-esm")?.status).toBe("ok");
  });

  it("says when the registry's body is not a gzip tarball", async () => {
    published["cjs-object"] = { versions: { "1.0.0": Buffer.from("<html>maintenance</html>") } };
    const { client } = await registry();
    expect((await footprints(inventory(), { tarballs: client })).get("cjs-object")?.status).toBe(
      "tarball unreadable: not a gzip file",
    );
  });

  it("checks the sha1 shasum when no integrity is published", async () => {
    (published["cjs-object"] as Published).integrity = null;
    const { client } = await registry();
    expect((await footprints(inventory(), { tarballs: client })).get("cjs-object")?.status).toBe(
      "ok",
    );
  });

  it("says why a package outside the inventory, or without a registry, is not measured", async () => {
    const { server, client } = await registry();
    const declared = inventory(["barrel-esm", "cjs-object", "exports-map"]);
    (declared[2] as InventoryPackage).origin = "git";
    const measured = await footprints(declared, { tarballs: client });
    expect(measured.get("whole-ns")?.status).toBe(
      "not installed: used fraction unknown (not in a lockfile, so no version to fetch the tarball of)",
    );
    expect(measured.get("exports-map")?.status).toBe(
      "not installed: used fraction unknown (a git dependency: no registry tarball)",
    );
    expect(server.requests.map((r) => r.url).sort()).toEqual([
      "/barrel-esm",
      "/barrel-esm/-/barrel-esm-1.0.0.tgz",
      "/cjs-object",
      "/cjs-object/-/cjs-object-1.0.0.tgz",
    ]);
  });

  it("without a tarball client, leaves a package that is not installed unmeasured", async () => {
    const measured = await footprints(inventory(), {});
    expect(measured.get("barrel-esm")?.status).toBe(
      "not installed: used fraction unknown (no registry to fetch its tarball from)",
    );
  });
});
