import type { ChildProcess } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeReport } from "../../src/reports/write-report.js";
import { writers } from "../../src/reports/writers.js";
import { projectCopy, runJenga, spawnJenga } from "../helpers/cli.js";
import { packument, type RegistryServer, startRegistryServer } from "../helpers/registry-server.js";
import { jengaResult, packageResult } from "../helpers/result.js";

// Issue 15 item 11 (the cache's part): a run killed while writing leaves write-file-atomic's
// `<entry>.json.<n>` and a partial clone's `<repo>.git.tmp-<hex>` in the cache, and no
// later run removed them. Now each run records itself (process id and start time) and at
// start removes what dead runs left; while another run is alive, nothing is touched.
// The runs here are the built binary (`npm run build` first), killed with SIGKILL.

const names = ["debug", "ms", "left-pad", "is-number"];
const packuments = Object.fromEntries(
  names.map((n) => [n, packument(n, { "1.0.0": { time: "2024-01-01T00:00:00.000Z" } })]),
);

let server: RegistryServer | undefined;
let project: Awaited<ReturnType<typeof projectCopy>> | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  child?.kill("SIGKILL");
  await server?.close();
  await project?.cleanup();
});

/** What a run killed mid-write leaves, dated a minute ago. */
async function plantLeftovers(cache: string): Promise<string[]> {
  const registry = path.join(cache, "v1", "registry");
  const clones = path.join(cache, "v1", "git-repos");
  await mkdir(registry, { recursive: true });
  await mkdir(path.join(clones, "repo-0123.git.tmp-0123456789ab", "objects"), { recursive: true });
  const left = [
    path.join(registry, "debug-0123456789abcdef.json.1838476512"),
    path.join(clones, "repo-0123.git.tmp-0123456789ab"),
  ];
  await writeFile(left[0] as string, '{"key":"deb');
  const minuteAgo = new Date(Date.now() - 60_000);
  for (const file of left) await utimes(file, minuteAgo, minuteAgo);
  // Not temporary entries: a whole entry and a clone stay.
  await writeFile(path.join(registry, "ms-0123456789abcdef.json"), "{}");
  await mkdir(path.join(clones, "repo-4567.git"));
  return left;
}

const listing = async (cache: string) => ({
  registry: (await readdir(path.join(cache, "v1", "registry"))).sort(),
  clones: (await readdir(path.join(cache, "v1", "git-repos"))).sort(),
});

/** A run of the binary that waits on a registry that never answers, until killed. */
async function startHangingRun(cache: string): Promise<ChildProcess> {
  const run = spawnJenga(["analyze", "--quiet", "--no-git", "--cache", cache], {
    cwd: project?.dir as string,
    home: project?.home as string,
  });
  while ((server?.requests.length ?? 0) < 1) await new Promise((r) => setTimeout(r, 20));
  return run;
}

const analyze = (cache: string) =>
  runJenga(["analyze", "--quiet", "--offline", "--json", "-", "--cache", cache], {
    cwd: project?.dir as string,
    home: project?.home as string,
  });

describe("temporary cache entries left by a killed run", () => {
  it("are removed by the next run once the killed run is gone", async () => {
    server = await startRegistryServer(packuments, { delayMs: 600_000 });
    project = await projectCopy("cli/small-app", server.url);
    const cache = path.join(project.home, "cache");
    child = await startHangingRun(cache);
    const left = await plantLeftovers(cache);
    const exited = new Promise((resolve) => child?.on("close", resolve));
    child.kill("SIGKILL");
    await exited;
    // The killed run's record is still there: it never released it.
    expect(await readdir(path.join(cache, "v1", "runs"))).toHaveLength(1);

    expect((await analyze(cache)).code).toBe(0);
    const after = await listing(cache);
    for (const file of left) {
      expect(after.registry).not.toContain(path.basename(file));
      expect(after.clones).not.toContain(path.basename(file));
    }
    expect(after.registry).toContain("ms-0123456789abcdef.json");
    expect(after.clones).toEqual(["repo-4567.git"]);
    // The dead run's record went too, and this run released its own.
    expect(await readdir(path.join(cache, "v1", "runs"))).toEqual([]);
  });

  it("are never touched while the run that may own them is alive", async () => {
    server = await startRegistryServer(packuments, { delayMs: 600_000 });
    project = await projectCopy("cli/small-app", server.url);
    const cache = path.join(project.home, "cache");
    child = await startHangingRun(cache);
    await plantLeftovers(cache);
    const before = await listing(cache);

    expect((await analyze(cache)).code).toBe(0);
    expect(await listing(cache)).toEqual(before);
    expect(child.exitCode).toBeNull();
  });
});

describe("temporary report files left by a killed run", () => {
  it("go with their run's folder when a later run replaces it", async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), "jenga-report-temps-"));
    try {
      const first = jengaResult([packageResult({ name: "a" })]);
      await writeReport(out, writers.html(first), out);
      const [run] = (await readdir(out)).filter((n) => n.startsWith("run-"));
      const page = Object.keys(writers.html(first)).find((n) => n.includes("/packages/"));
      // write-file-atomic's temporary name for a page the killed run was rewriting.
      await writeFile(path.join(out, `${page}.2876543210`), "<html>half");
      const listed = await readFile(path.join(out, `${run}/.jenga-files`), "utf8");
      const top = listed.split("\n").find((name) => name && !name.includes("/"));
      await writeFile(path.join(out, `${run}/${top}.77`), "half");
      await writeReport(out, writers.html(jengaResult([packageResult({ name: "b" })])), out);
      expect(await readdir(out)).not.toContain(run);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
