/**
 * A packument of tens of megabytes must not blow the heap. A child process
 * with a small old-space limit fetches a generated 50 MB packument: the
 * client (which streams it) succeeds, while a plain `JSON.parse` of the same
 * body, under the same limit, dies of heap exhaustion. That pair is the proof
 * that the limit is tight and that streaming is what keeps memory bounded.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runNodeChild } from "../helpers/node-child.js";
import { startServer, type TestServer } from "./helpers/registry-server.js";
import { REPO_ROOT, transpileTree } from "./helpers/transpile.js";

/** Roughly the size of the largest packuments on the public registry. */
const VERSION_COUNT = 500;
const README_BYTES = 100 * 1024;
/**
 * Old-space limit of the child, in MB. JSON.parse of a 50 MB body needs the
 * 50 MB string plus the parsed document (over 100 MB); the streaming parser
 * needs one version at a time.
 */
const HEAP_LIMIT_MB = 48;

function bigPackument(): Buffer {
  const readme = "x".repeat(README_BYTES);
  const versions: string[] = [];
  const times: string[] = [];
  for (let minor = 0; minor < VERSION_COUNT; minor += 1) {
    const version = `1.${minor}.0`;
    versions.push(
      `"${version}":${JSON.stringify({
        name: "huge-package",
        version,
        readme,
        scripts: { postinstall: "node setup.js" },
        dist: {
          tarball: `https://registry.example.invalid/huge-package/-/huge-package-${version}.tgz`,
          unpackedSize: 1,
        },
      })}`,
    );
    times.push(`"${version}":"2024-01-01T00:00:00.000Z"`);
  }
  const latest = `1.${VERSION_COUNT - 1}.0`;
  return Buffer.from(
    `{"name":"huge-package","dist-tags":{"latest":"${latest}"},"versions":{${versions.join(",")}},` +
      `"time":{"created":"2020-01-01T00:00:00.000Z",${times.join(",")}},"readme":"${readme}"}`,
  );
}

const CLIENT_CHILD = `
import { createRegistryClient } from "./src/collectors/registry/registry-client.js";
const registry = process.argv[2];
const client = createRegistryClient(
  { registry, scopes: {}, credentials: {}, proxy: { http: null, https: null, noProxy: "" }, ca: null, strictSSL: true, userAgent: "jenga-test" },
  { timeoutMs: 60000, retries: 0 },
);
const started = performance.now();
const result = await client.fetchPackument("huge-package");
await client.close();
console.log(JSON.stringify({
  ok: result.ok,
  status: result.ok ? null : result.status,
  versions: result.ok ? Object.keys(result.evidence.versions).length : 0,
  installScripts: result.ok ? result.evidence.versions["1.0.0"]?.installScripts : null,
  ms: Math.round(performance.now() - started),
  maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
}));
`;

const JSON_PARSE_CHILD = `
import { request } from "undici";
const response = await request(process.argv[2] + "huge-package");
const packument = JSON.parse(await response.body.text());
console.log(JSON.stringify({ versions: Object.keys(packument.versions).length }));
`;

function runChild(script: string, args: string[]) {
  return runNodeChild(script, args, [`--max-old-space-size=${HEAP_LIMIT_MB}`]);
}

describe("a 50 MB packument", () => {
  let server: TestServer;
  let scratch: string;
  let clientScript: string;
  let jsonParseScript: string;

  beforeAll(async () => {
    const body = bigPackument();
    server = await startServer((_request, response) => {
      response.writeHead(200, {
        "content-type": "application/json",
        "content-length": String(body.length),
      });
      response.end(body);
    });
    scratch = path.join(REPO_ROOT, "test", "collectors", ".tmp", `memory-${process.pid}`);
    await mkdir(scratch, { recursive: true });
    await transpileTree("src/collectors/registry/registry-client.ts", scratch);
    clientScript = path.join(scratch, "client-child.mjs");
    jsonParseScript = path.join(scratch, "json-parse-child.mjs");
    await writeFile(clientScript, CLIENT_CHILD);
    await writeFile(jsonParseScript, JSON_PARSE_CHILD);
  });

  afterAll(async () => {
    await server?.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it("is fetched by the client within a heap too small for JSON.parse", async () => {
    const [client, plain] = await Promise.all([
      runChild(clientScript, [server.url]),
      runChild(jsonParseScript, [server.url]),
    ]);
    expect(client.stderr).toBe("");
    const report = JSON.parse(client.stdout);
    expect(report).toMatchObject({
      ok: true,
      versions: VERSION_COUNT,
      installScripts: ["postinstall"],
    });
    expect(plain.code).not.toBe(0);
    expect(plain.stderr).toMatch(/heap out of memory|Allocation failed/i);
  });
});
