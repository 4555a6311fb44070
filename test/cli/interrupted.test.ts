import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { projectCopy, runJenga, spawnJenga } from "../helpers/cli.js";
import { packument, type RegistryServer, startRegistryServer } from "../helpers/registry-server.js";

const names = ["debug", "ms", "left-pad", "is-number"];
const packuments = Object.fromEntries(
  names.map((n) => [n, packument(n, { "1.0.0": { time: "2024-01-01T00:00:00.000Z" } })]),
);

let server: RegistryServer | undefined;
let project: Awaited<ReturnType<typeof projectCopy>> | undefined;
afterEach(async () => {
  await server?.close();
  await project?.cleanup();
});

describe("a run killed midway", () => {
  it("leaves only whole cache entries, and the next run fetches just the rest", async () => {
    // Slow answers, one at a time: the kill lands while requests are in flight.
    server = await startRegistryServer(packuments, { delayMs: 400 });
    project = await projectCopy("cli/small-app", server.url);
    const cache = path.join(project.home, "cache");
    const child = spawnJenga(["analyze", "--quiet", "--concurrency", "1", "--cache", cache], {
      cwd: project.dir,
      home: project.home,
    });
    const exited = new Promise((resolve) => child.on("close", resolve));
    while (server.requests.length < 3) await new Promise((r) => setTimeout(r, 20));
    child.kill("SIGKILL");
    await exited;

    const dir = path.join(cache, "v1", "registry");
    const entries = (await readdir(dir).catch(() => [])).filter((f) => f.endsWith(".json"));
    expect(entries.length).toBeGreaterThanOrEqual(1);
    expect(entries.length).toBeLessThan(names.length);
    for (const file of entries)
      expect(JSON.parse(await readFile(path.join(dir, file), "utf8")).value.name).toBeTypeOf(
        "string",
      );

    await server.close();
    server = await startRegistryServer(packuments);
    await writeFile(path.join(project.dir, ".npmrc"), `registry=${server.url}\n`);
    const rerun = await runJenga(["analyze", "--quiet", "--json", "-", "--cache", cache], {
      cwd: project.dir,
      home: project.home,
    });
    expect(rerun.code).toBe(0);
    expect(server.requests.length).toBe(names.length - entries.length);
    expect(
      JSON.parse(rerun.stdout).packages.every(
        (p: { sources: { registry: string } }) => p.sources.registry === "ok",
      ),
    ).toBe(true);
  });
});
