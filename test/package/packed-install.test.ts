import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smallAppPackuments } from "../cli/small-app.js";
import { projectCopy } from "../helpers/cli.js";
import { type RegistryServer, startRegistryServer } from "../helpers/registry-server.js";

/**
 * What a user gets from `npm i jenga`: the tarball `npm pack` makes (through
 * the real prepack and prepare scripts), installed with production
 * dependencies only, from the npm cache `npm ci` filled, into a project of its
 * own; then `npx jenga analyze` and `npx jenga gate` there, against the small
 * app and a local registry, and the library and its types from outside.
 *
 * The pack runs on a copy of the package's sources (package.json, lockfile,
 * tsconfig, README, src/) with the repository's node_modules linked in, not on
 * the repository itself: prepack empties `.build`, which the other CLI tests
 * run from in parallel.
 */

const repo = path.resolve(import.meta.dirname, "../..");
const manifest = JSON.parse(await readFile(path.join(repo, "package.json"), "utf8")) as {
  name: string;
  version: string;
  dependencies: Record<string, string>;
};
const tarballName = `${manifest.name}-${manifest.version}.tgz`;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const npm = (args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) =>
  run("npm", args, { cwd, env });

/**
 * The installing project's lockfile, as `npm install jenga` would write it:
 * jenga from the tarball, and under it the production part of jenga's own
 * lockfile (the same versions, integrity and layout: jenga's dependencies are
 * hoisted beside it). With every package pinned by integrity npm needs no
 * registry metadata, so it installs from its cache alone.
 */
async function lockfileFor(projectName: string): Promise<object> {
  const own = JSON.parse(await readFile(path.join(repo, "package-lock.json"), "utf8")) as {
    packages: Record<string, Record<string, unknown>>;
  };
  const root = own.packages[""] ?? {};
  const packages: Record<string, unknown> = {
    "": { name: projectName, version: "1.0.0", dependencies: { jenga: `file:${tarballName}` } },
    "node_modules/jenga": {
      version: manifest.version,
      resolved: `file:${tarballName}`,
      license: root.license,
      dependencies: root.dependencies,
      bin: root.bin,
      engines: root.engines,
    },
  };
  for (const [location, entry] of Object.entries(own.packages)) {
    if (location === "" || entry.dev === true) continue;
    const { dev: _dev, devOptional, ...rest } = entry;
    packages[location] = devOptional === true ? { ...rest, optional: true } : rest;
  }
  return { name: projectName, version: "1.0.0", lockfileVersion: 3, requires: true, packages };
}

let root: string;
let tool: string;
let server: RegistryServer;
let app: Awaited<ReturnType<typeof projectCopy>>;
let tarballFiles: string[] = [];
let install: Run;
/** Set when npm's cache lacks a package: the tests skip saying which. */
let notCached: string | null = null;

/** The environment of a user's shell in the tool project: no user npm config, no colour, sources off the network. */
function userEnv(): NodeJS.ProcessEnv {
  const home = app.home;
  return {
    PATH: process.env.PATH ?? "",
    HOME: home,
    NO_COLOR: "1",
    npm_config_userconfig: path.join(home, ".npmrc"),
    npm_config_globalconfig: path.join(home, "global-npmrc"),
    npm_config_cache: path.join(home, ".npm"),
    // npx exports its own config to what it runs; the analyzed project's registry is the fixture's.
    npm_config_registry: server.url,
    npm_config_update_notifier: "false",
    XDG_CACHE_HOME: path.join(home, ".cache"),
    JENGA_OSV_URL: "http://127.0.0.1:9/",
    JENGA_GITHUB_API_URL: "http://127.0.0.1:9/",
    GIT_CONFIG_GLOBAL: path.join(home, ".gitconfig"),
    GIT_CONFIG_NOSYSTEM: "1",
  };
}

const npx = (args: string[]) => run("npx", args, { cwd: tool, env: userEnv() });

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "jenga-pack-"));

  // 1. npm pack on a copy of the package's sources: prepack and prepare build it.
  const source = path.join(root, "source");
  await mkdir(source);
  for (const entry of ["package.json", "package-lock.json", "tsconfig.json", "README.md", "src"]) {
    await cp(path.join(repo, entry), path.join(source, entry), { recursive: true });
  }
  await symlink(path.join(repo, "node_modules"), path.join(source, "node_modules"), "dir");
  const pack = await npm(["pack", "--json", "--pack-destination", root], source);
  expect(pack.code, pack.stderr).toBe(0);
  const packed = JSON.parse(pack.stdout.slice(pack.stdout.indexOf("[\n"))) as {
    filename: string;
    files: { path: string }[];
  }[];
  expect(packed[0]?.filename).toBe(tarballName);
  tarballFiles = (packed[0]?.files ?? []).map((f) => f.path).sort();

  // 2. A project of its own (package.json, lockfile, .npmrc naming npm's configured registry).
  tool = path.join(root, "tool");
  await mkdir(tool);
  await cp(path.join(root, tarballName), path.join(tool, tarballName));
  await writeFile(
    path.join(tool, "package.json"),
    `${JSON.stringify({ name: "uses-jenga", version: "1.0.0", private: true, dependencies: { jenga: `file:${tarballName}` } }, null, 2)}\n`,
  );
  await writeFile(
    path.join(tool, "package-lock.json"),
    `${JSON.stringify(await lockfileFor("uses-jenga"), null, 2)}\n`,
  );
  const registry = (await npm(["config", "get", "registry"], repo)).stdout.trim();
  await writeFile(path.join(tool, ".npmrc"), `registry=${registry}\n`);

  // 3. Install the tarball with production dependencies only, from the cache alone.
  install = await npm(
    ["install", "--offline", "--omit=dev", "--no-audit", "--no-fund", `./${tarballName}`],
    tool,
  );
  const missing = /ENOTCACHED[\s\S]*?request to (\S+) failed/.exec(install.stderr);
  if (install.code !== 0 && missing) {
    notCached = `npm's cache lacks ${missing[1]}: run npm ci in the repository first (this test installs offline, never from the registry)`;
  }

  // 4. The project jenga analyzes: the small app, its .npmrc pointing at a local registry.
  server = await startRegistryServer(smallAppPackuments);
  app = await projectCopy("cli/small-app", server.url);
}, 600_000);

afterAll(async () => {
  await server?.close();
  await app?.cleanup();
  if (root) await rm(root, { recursive: true, force: true });
});

describe("the packed tarball", () => {
  it("carries the build, its types and the schemas, and nothing only tests need", () => {
    expect(tarballFiles).toEqual(
      expect.arrayContaining([
        "package.json",
        "README.md",
        ".build/cli/main.js",
        ".build/index.js",
        ".build/index.d.ts",
        ".build/analyze.d.ts",
        "src/result/jenga-result.schema.json",
        "src/config/jenga.schema.json",
      ]),
    );
    const unwanted = tarballFiles.filter(
      (file) =>
        file.endsWith(".map") ||
        file.includes("write-schema") ||
        (file.startsWith("src/") && !file.endsWith(".schema.json")) ||
        file.startsWith("test/"),
    );
    expect(unwanted).toEqual([]);
  });

  it("installs offline with production dependencies only", (context) => {
    if (notCached) context.skip(notCached);
    expect(install.code, install.stderr).toBe(0);
  });
});

// Each spawns npm, npx, node or tsc on a shared machine: room without hiding a hang.
const slow = 120_000;

describe("installed in a project", () => {
  it(
    "has jenga's runtime dependencies and none of its dev tools",
    async (context) => {
      if (notCached) context.skip(notCached);
      const installed = await readdir(path.join(tool, "node_modules"));
      for (const dependency of Object.keys(manifest.dependencies)) {
        const [scopeOrName = "", name] = dependency.split("/");
        expect(installed).toContain(scopeOrName);
        if (name)
          expect(await readdir(path.join(tool, "node_modules", scopeOrName))).toContain(name);
      }
      for (const devTool of ["typescript", "vitest", "@biomejs", "ajv", "playwright-core"]) {
        expect(installed).not.toContain(devTool);
      }
      const lock = JSON.parse(await readFile(path.join(tool, "package-lock.json"), "utf8"));
      expect(lock.packages["node_modules/jenga"].version).toBe(manifest.version);
    },
    slow,
  );

  it(
    "npx jenga analyze writes the report and a result valid against the schema its $schema names",
    async (context) => {
      if (notCached) context.skip(notCached);
      const json = path.join(tool, "jenga.json");
      const analyzed = await npx([
        "jenga",
        "analyze",
        app.dir,
        "--out",
        path.join(tool, "reports"),
        "--json",
        json,
        "--cache",
        path.join(app.home, "cache"),
      ]);
      expect(analyzed.stderr).toContain(
        "jenga: 4 packages: keep 2 · fix 0 · adopt 0 · rewrite 0 · sunset 1 · unknown 1",
      );
      expect(analyzed.code).toBe(0);
      expect(await readdir(path.join(tool, "reports"))).toEqual(
        expect.arrayContaining(["index.html", "jenga.json"]),
      );
      const result = JSON.parse(await readFile(json, "utf8"));
      expect(result.tool).toEqual({ name: "jenga", version: manifest.version });
      // `$schema` is a module specifier: it resolves from the project jenga is installed in.
      const schemaFile = createRequire(path.join(tool, "package.json")).resolve(result.$schema);
      expect(schemaFile).toBe(
        path.join(tool, "node_modules", "jenga", "src", "result", "jenga-result.schema.json"),
      );
      const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
      addFormats(ajv);
      const validate = ajv.compile(JSON.parse(await readFile(schemaFile, "utf8")));
      validate(result);
      expect(validate.errors ?? []).toEqual([]);
    },
    slow,
  );

  it(
    "npx jenga gate fails on the deprecated package and passes once it is waived",
    async (context) => {
      if (notCached) context.skip(notCached);
      const cache = ["--cache", path.join(app.home, "cache")];
      // OSV is out of reach here: without allowMissing the gate would fail closed on advisories.
      await writeFile(
        path.join(app.dir, "jenga.config.json"),
        JSON.stringify({ gate: { failOn: ["sunset"], allowMissing: ["advisories"] } }),
      );
      const failed = await npx(["jenga", "gate", app.dir, ...cache]);
      expect(failed.code, failed.stderr).toBe(1);
      expect(failed.stdout).toContain("left-pad");

      await writeFile(
        path.join(app.dir, "jenga.config.json"),
        JSON.stringify({
          gate: { failOn: ["sunset"], allowMissing: ["advisories"] },
          waivers: [{ package: "left-pad", reason: "replaced next sprint", until: "2099-12-31" }],
        }),
      );
      const passed = await npx(["jenga", "gate", app.dir, ...cache]);
      expect(passed.code, passed.stdout + passed.stderr).toBe(0);
    },
    slow,
  );

  it(
    "serves the library: analyze() from an ES module, with the installed version",
    async (context) => {
      if (notCached) context.skip(notCached);
      const script = [
        'import { analyze, version, resultSchemaId } from "jenga";',
        "const result = await analyze({",
        `  paths: [${JSON.stringify(app.dir)}], cwd: process.cwd(), env: process.env,`,
        `  home: process.env.HOME, cacheDir: ${JSON.stringify(path.join(app.home, "lib-cache"))},`,
        "  git: false,",
        "});",
        "console.log(JSON.stringify({ version, resultSchemaId, tool: result.tool, $schema: result.$schema, summary: result.summary }));",
      ].join("\n");
      const lib = await run(process.execPath, ["--input-type=module", "-e", script], {
        cwd: tool,
        env: userEnv(),
      });
      expect(lib.code, lib.stderr).toBe(0);
      expect(JSON.parse(lib.stdout)).toEqual({
        version: manifest.version,
        resultSchemaId: "jenga/result.schema.json",
        tool: { name: "jenga", version: manifest.version },
        $schema: "jenga/result.schema.json",
        summary: { keep: 2, fix: 0, adopt: 0, rewrite: 0, sunset: 1, unknown: 1 },
      });
    },
    slow,
  );

  it(
    "types the library for TypeScript users (exports' types condition)",
    async (context) => {
      if (notCached) context.skip(notCached);
      await writeFile(
        path.join(tool, "consumer.mts"),
        [
          'import { analyze, type Result, type Verdict } from "jenga";',
          "export const verdict: Result['packages'][number]['verdict'] = 'unknown';",
          "export const health: Result['packages'][number]['health'] = null;",
          "// @ts-expect-error: not a verdict (were the types missing, everything would be any and this an error)",
          "export const wrong: Verdict = 'maybe';",
          "export const pending: Promise<Result> = analyze({ paths: [], cwd: '/', env: {}, home: '/' });",
        ].join("\n"),
      );
      await writeFile(
        path.join(tool, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: {
            module: "nodenext",
            moduleResolution: "nodenext",
            target: "es2022",
            strict: true,
            noEmit: true,
            skipLibCheck: true,
            types: [],
          },
          files: ["consumer.mts"],
        }),
      );
      const tsc = path.join(repo, "node_modules", "typescript", "bin", "tsc");
      const typed = await run(process.execPath, [tsc, "-p", "tsconfig.json"], {
        cwd: tool,
        env: userEnv(),
      });
      expect(typed.stdout + typed.stderr).toBe("");
      expect(typed.code).toBe(0);
    },
    slow,
  );
});
