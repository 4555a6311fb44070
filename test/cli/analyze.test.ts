import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { projectCopy, runJenga } from "../helpers/cli.js";
import { type RegistryServer, startRegistryServer } from "../helpers/registry-server.js";
import { smallAppPackuments } from "./small-app.js";

const packuments = smallAppPackuments;

let server: RegistryServer;
let project: Awaited<ReturnType<typeof projectCopy>>;
beforeEach(async () => {
  server = await startRegistryServer(packuments);
  project = await projectCopy("cli/small-app", server.url);
});
afterEach(async () => {
  await server.close();
  await project.cleanup();
});

const run = (args: string[]) => runJenga(args, { cwd: project.dir, home: project.home });
const cacheArgs = () => ["--cache", path.join(project.home, "cache")];

describe("jenga analyze", () => {
  it("scores every package, writes the report and the JSON result", async () => {
    const result = await run(["analyze", "--json", "-", ...cacheArgs()]);
    expect(result.stderr).toContain(
      "jenga: 4 packages: keep 2 · fix 0 · adopt 0 · rewrite 0 · sunset 1 · unknown 1",
    );
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.schemaVersion).toBe(1);
    expect(json.projects).toEqual([
      {
        path: project.dir,
        name: "small-app",
        lockfile: path.join(project.dir, "package-lock.json"),
        kind: "npm-lock",
      },
    ]);
    const byName = Object.fromEntries(json.packages.map((p: { name: string }) => [p.name, p]));
    expect(byName["left-pad"]).toMatchObject({
      verdict: "sunset",
      direct: true,
      versions: ["1.3.0"],
      scopes: ["prod"],
    });
    // The top reason says what would change the verdict; the finding itself follows.
    expect(byName["left-pad"].reasons.slice(0, 2).map((r: { text: string }) => r.text)).toEqual([
      'would be rewrite if not for: deprecated by its publisher: "use String.prototype.padStart()"',
      'deprecated by its publisher: "use String.prototype.padStart()"',
    ]);
    expect(byName.ms).toMatchObject({ direct: false, via: ["debug"], sources: { registry: "ok" } });
    // The registry answered 404 and nothing else knows it: not enough evidence, never "healthy".
    expect(byName["is-number"]).toMatchObject({
      scopes: ["dev"],
      verdict: "unknown",
      health: null,
    });
    expect(byName["is-number"].sources.registry).toMatch(/^unavailable: 404/);
    expect(byName.debug.repository).toEqual({
      url: "https://github.com/example/debug",
      directory: null,
    });
    // The pages live in their run's folder; the index links into it (see run-folder.ts). The
    // index and the JSON result exist once, at the top.
    const files = (await readdir(path.join(project.dir, "reports"))).sort();
    expect(files).toEqual([
      "index.html",
      "jenga.json",
      expect.stringMatching(/^run-[0-9a-f]{12}$/),
    ]);
    expect((await readdir(path.join(project.dir, "reports", files[2] ?? ""))).sort()).toEqual([
      ".jenga-files",
      "chart.umd.min.js",
      "glossary.html",
      "packages",
      "report.css",
      "report.js",
    ]);
  });

  it("serves a second run from the cache, and --offline from the cache alone", async () => {
    await run(["analyze", "--quiet", ...cacheArgs()]);
    const fetched = server.requests.length;
    expect(fetched).toBe(4);
    const second = await run(["analyze", "--quiet", "--json", "-", ...cacheArgs()]);
    expect(second.code).toBe(0);
    // Only the 404 is asked again: failures are not cached.
    expect(server.requests.length - fetched).toBe(1);
    await server.close();
    const offline = await run(["analyze", "--offline", "--quiet", "--json", "-", ...cacheArgs()]);
    expect(offline.code).toBe(0);
    const statuses = Object.fromEntries(
      JSON.parse(offline.stdout).packages.map(
        (p: { name: string; sources: { registry: string } }) => [p.name, p.sources.registry],
      ),
    );
    expect(statuses).toEqual({
      debug: "ok",
      "is-number": "offline: not in cache",
      "left-pad": "ok",
      ms: "ok",
    });
    server = await startRegistryServer({});
  });

  it("never writes a registry token to the report, the JSON result or the cache", async () => {
    const secret = "npm_SECRETtoken1234567890";
    const host = new URL(server.url).host;
    await writeFile(
      path.join(project.dir, ".npmrc"),
      `registry=${server.url}\n//${host}/:_authToken=${secret}\n`,
    );
    const result = await run(["analyze", "--json", "-", ...cacheArgs()]);
    expect(result.code).toBe(0);
    expect(server.requests.every((r) => r.headers.authorization === `Bearer ${secret}`)).toBe(true);
    expect(result.stdout + result.stderr).not.toContain(secret);
    const reportFiles = await readdir(path.join(project.dir, "reports"), {
      recursive: true,
      withFileTypes: true,
    });
    for (const file of reportFiles.filter((f) => f.isFile())) {
      expect(await readFile(path.join(file.parentPath, file.name), "utf8")).not.toContain(secret);
    }
    const cacheDir = path.join(project.home, "cache", "v1", "registry");
    for (const file of await readdir(cacheDir))
      expect(await readFile(path.join(cacheDir, file), "utf8")).not.toContain(secret);
  });
});

describe("jenga gate", () => {
  it("fails with exit 1 and a table of what failed", async () => {
    const result = await run(["gate", "--quiet", ...cacheArgs()]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^jenga gate: 1 package failed\npackage\s+verdict\s+health\s+reached\s+why\nleft-pad\s+sunset/,
    );
  });

  it("fails closed when advisories could not be checked, unless the policy allows it", async () => {
    const waived = {
      waivers: [{ package: "left-pad", reason: "replacing it this quarter", until: "2999-01-01" }],
    };
    await writeFile(path.join(project.dir, "jenga.config.json"), JSON.stringify(waived));
    const closed = await run(["gate", "--quiet", "--no-advisories", ...cacheArgs()]);
    expect(closed.code).toBe(1);
    expect(closed.stdout).toMatch(/^jenga gate: failed: checks could not run\n/);
    expect(closed.stdout).toContain(
      "not checked: advisories (gate.failOnSeverity high) for 3 of 4 packages: skipped: --no-advisories (3)",
    );
    const allowed = { ...waived, gate: { allowMissing: ["advisories"] } };
    await writeFile(path.join(project.dir, "jenga.config.json"), JSON.stringify(allowed));
    expect((await run(["gate", "--quiet", "--no-advisories", ...cacheArgs()])).code).toBe(0);
  });

  it("passes when the failure is waived, until the waiver expires", async () => {
    const config = (until: string) =>
      JSON.stringify({
        gate: { allowMissing: ["advisories"] },
        waivers: [{ package: "left-pad", reason: "replacing it this quarter", until }],
      });
    await writeFile(path.join(project.dir, "jenga.config.json"), config("2999-01-01"));
    expect((await run(["gate", "--quiet", ...cacheArgs()])).code).toBe(0);
    await writeFile(path.join(project.dir, "jenga.config.json"), config("2020-01-01"));
    const expired = await run(["gate", "--quiet", ...cacheArgs()]);
    expect(expired.code).toBe(1);
    expect(expired.stdout).toContain("waiver expired on 2020-01-01");
  });
});
