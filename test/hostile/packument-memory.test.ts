import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ByteBudget } from "../../src/collectors/registry/byte-budget.js";
import {
  createPackumentStreamParser,
  parsePackumentBytes,
} from "../../src/collectors/registry/parse-packument.js";
import { readPackumentBody } from "../../src/collectors/registry/read-packument-body.js";
import { startServer, type TestServer } from "../collectors/helpers/registry-server.js";
import { REPO_ROOT, transpileTree } from "../collectors/helpers/transpile.js";
import { runNodeChild } from "../helpers/node-child.js";

// Issue 15 item 13: a 190 MB string inside a packument cost 526 MB, and six 150 MB
// packuments at once 2 GB, because the streaming parser gathered each whole string
// token before anything capped it, and every download could buffer its body at once.

const registry = "https://registry.example.invalid/";

function packument(fields: Record<string, string>): string {
  const extra = Object.entries(fields)
    .map(([key, value]) => `,${JSON.stringify(key)}:${value}`)
    .join("");
  return `{"name":"big","dist-tags":{"latest":"1.0.0"},"versions":{"1.0.0":{"name":"big","version":"1.0.0"}},"time":{"1.0.0":"2024-01-01T00:00:00.000Z"}${extra}}`;
}

/** A JSON string of `bytes` ASCII characters, built without a JS string that long. */
function hugeJsonString(bytes: number): Buffer {
  const body = Buffer.alloc(bytes + 2, "a");
  body[0] = 0x22;
  body[bytes + 1] = 0x22;
  return body;
}

describe("a huge string in a packument, streamed", () => {
  // 64 MB of one string: gathering it whole needs the pieces and the joined string,
  // over twice this child's heap.
  const STRING_BYTES = 64 * 1024 * 1024;
  const HEAP_LIMIT_MB = 48;
  let server: TestServer;
  let scratch: string;

  beforeAll(async () => {
    const [head, tail] = packument({ readme: "@", description: '"a small package"' }).split("@");
    const body = Buffer.concat([
      Buffer.from(head ?? ""),
      hugeJsonString(STRING_BYTES),
      Buffer.from(tail ?? ""),
    ]);
    server = await startServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(body);
    });
    scratch = path.join(REPO_ROOT, "test", "hostile", ".tmp", `packument-${process.pid}`);
    await mkdir(scratch, { recursive: true });
    await transpileTree("src/collectors/registry/registry-client.ts", scratch);
    await writeFile(
      path.join(scratch, "child.mjs"),
      `import { createRegistryClient } from "./src/collectors/registry/registry-client.js";
const client = createRegistryClient(
  { registry: process.argv[2], scopes: {}, credentials: {}, proxy: { http: null, https: null, noProxy: "" }, ca: null, strictSSL: true, userAgent: "jenga-test" },
  { timeoutMs: 60000, retries: 0 },
);
const result = await client.fetchPackument("big");
await client.close();
console.log(JSON.stringify({ ok: result.ok, description: result.evidence?.description, versions: Object.keys(result.evidence?.versions ?? {}) }));
`,
    );
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it(`is read in a ${HEAP_LIMIT_MB} MB heap`, async () => {
    const child = await runNodeChild(
      path.join(scratch, "child.mjs"),
      [server.url],
      [`--max-old-space-size=${HEAP_LIMIT_MB}`],
    );
    expect(child.stderr).toBe("");
    expect(JSON.parse(child.stdout)).toEqual({
      ok: true,
      description: "a small package",
      versions: ["1.0.0"],
    });
  }, 120_000);
});

describe("strings over the streaming cap", () => {
  it("are kept, cut or dropped exactly as JSON.parse's path keeps them", () => {
    const long = "d".repeat(100_000);
    const text = packument({
      description: JSON.stringify(`é${long}`),
      homepage: JSON.stringify(`https://example.com/${long}`),
      unpackedSize: "9".repeat(100_000),
    });
    const bytes = new TextEncoder().encode(text);
    const stream = createPackumentStreamParser(registry);
    for (let i = 0; i < bytes.length; i += 4096) stream.write(bytes.subarray(i, i + 4096));
    const streamed = stream.end();
    const parsed = parsePackumentBytes(bytes, registry);
    expect(streamed).toEqual(parsed);
    expect(streamed.ok && streamed.evidence.description?.startsWith("éddd")).toBe(true);
    expect(streamed.ok && streamed.evidence.homepage).toBeNull();
  });
});

describe("bodies buffered across concurrent downloads", () => {
  it("stay within the shared budget: the rest are streamed", async () => {
    const body = new TextEncoder().encode(
      packument({ description: JSON.stringify("x".repeat(900_000)) }),
    );
    const budget = new ByteBudget(2 * body.length);
    async function* slowly(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < body.length; i += 64 * 1024) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        yield body.subarray(i, i + 64 * 1024);
      }
    }
    const limits = { streamAboveBytes: 8 * 1024 * 1024, maxBodyBytes: 1e9, buffered: budget };
    const parses = await Promise.all(
      Array.from({ length: 6 }, () => readPackumentBody(slowly(), registry, null, limits)),
    );
    expect(parses.every((p) => p.ok)).toBe(true);
    const parsers = parses.map((p) => (p.ok ? p.parser : null));
    expect(parsers.filter((p) => p === "stream").length).toBeGreaterThanOrEqual(4);
    expect(budget.peak).toBeLessThanOrEqual(2 * body.length);
    expect(budget.inUse).toBe(0);
  });
});
