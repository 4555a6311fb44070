/**
 * Tarballs written by strangers: the pure twin (bytes → package) against
 * hostile archives, and the tarball client against a hostile local registry
 * on 127.0.0.1 (oversized bodies, a server that stalls, credentials and other hosts).
 */
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { Secret } from "../../src/collectors/http/npm-settings.js";
import { nerfDart } from "../../src/collectors/http/registry-auth.js";
import { usageLimits } from "../../src/collectors/usage/limits.js";
import { measureFootprint } from "../../src/collectors/usage/package-footprint.js";
import { readTarballPackage } from "../../src/collectors/usage/read-tarball-package.js";
import {
  createTarballClient,
  type TarballClientOptions,
} from "../../src/collectors/usage/tarball-client.js";
import type { ImportSite } from "../../src/collectors/usage/types.js";
import { type Handler, sendJson, startServer, testSettings } from "./helpers/registry-server.js";
import { sri, tarOf, tgzOf } from "./helpers/tarball.js";

const manifest = { path: "package/package.json", body: '{"name":"x","version":"1.0.0"}' };
const index = { path: "package/index.js", body: "exports.a = 1;\n" };

async function read(bytes: Buffer, limits: Partial<typeof usageLimits> = {}) {
  return readTarballPackage(bytes, { ...usageLimits, ...limits });
}

async function filesOf(bytes: Buffer): Promise<string[]> {
  const result = await read(bytes);
  if (!result.ok) throw new Error(result.problem);
  return [...result.pkg.files.keys()].sort();
}

describe("reading a hostile tarball", () => {
  it("leaves out `..` paths, absolute paths, links and devices, and says so", async () => {
    const result = await read(
      tgzOf([
        manifest,
        index,
        { path: "package/../evil.js", body: "x" },
        { path: "../../etc/evil.js", body: "x" },
        { path: "/abs/evil.js", body: "x" },
        { path: "C:/evil.js", body: "x" },
        { path: "package\\..\\evil.js", body: "x" },
        { path: "package/link.js", type: "SymbolicLink", linkpath: "/etc/passwd" },
        { path: "package/hard.js", type: "Link", linkpath: "package/index.js" },
        { path: "package/tty.js", type: "CharacterDevice" },
      ]),
    );
    expect(result.ok && [...result.pkg.files.keys()]).toEqual(["index.js"]);
    expect(result.ok && result.pkg.caveats).toEqual([
      "left out 8 tarball entries: links, devices or unsafe paths",
    ]);
  });

  it("strips any single top folder and keeps the files an installed package would give", async () => {
    const files = await filesOf(
      tgzOf([
        { path: "node-x/package.json", body: manifest.body },
        { path: "node-x/lib/a.cjs", body: "" },
        { path: "node-x/types/a.d.ts", body: "" },
        { path: "node-x/README.md", body: "" },
        { path: "node-x/node_modules/dep/index.js", body: "" },
        { path: "node-x/", type: "Directory" },
      ]),
    );
    expect(files).toEqual(["lib/a.cjs", "types/a.d.ts"]);
  });

  it("keeps a file past maxFileBytes but does not parse it, as for an installed package", async () => {
    const big = `exports.a = "${"x".repeat(2_000)}";\n`;
    const result = await read(tgzOf([manifest, { path: "package/index.js", body: big }]), {
      maxFileBytes: 1_000,
    });
    if (!result.ok) throw new Error(result.problem);
    const site: ImportSite = {
      file: "a.js",
      line: 1,
      kind: "require",
      symbols: ["a"],
      typeOnly: false,
    };
    const footprint = measureFootprint("x", result.pkg, [site], 1_000);
    expect(footprint.caveats).toContain("index.js is too large to parse");
    expect(footprint.code?.totalBytes).toBe(big.length);
  });

  it("cuts a gzip bomb off at the byte cap", async () => {
    const zeros = Buffer.alloc(64 * 1024 * 1024);
    const bomb = tgzOf([manifest, index, { path: "package/zeros.js", body: zeros }]);
    expect(bomb.length).toBeLessThan(100 * 1024);
    const started = Date.now();
    const result = await read(bomb, { maxPackageBytes: 1024 * 1024 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result.ok && result.pkg.caveats).toEqual([
      "stopped at 1048576 bytes: the totals are a lower bound",
    ]);
    expect(result.ok && [...result.pkg.files.keys()]).toEqual(["index.js"]);
    // A bomb before the manifest leaves nothing to measure.
    const first = tgzOf([{ path: "package/zeros.js", body: zeros }, manifest]);
    expect(await read(first, { maxPackageBytes: 1024 * 1024 })).toEqual({
      ok: false,
      problem: "no package.json in the tarball",
    });
  });

  it("stops at the file cap", async () => {
    const many = Array.from({ length: 5 }, (_, i) => ({ path: `package/f${i}.js`, body: "" }));
    const result = await read(tgzOf([manifest, ...many]), { maxPackageFiles: 3 });
    expect(result.ok && result.pkg.files.size).toBe(3);
    expect(result.ok && result.pkg.caveats).toEqual([
      "stopped at 3 files: the totals are a lower bound",
    ]);
  });

  it("refuses what is not a gzip tarball", async () => {
    expect(await read(Buffer.from("<html>not found</html>"))).toEqual({
      ok: false,
      problem: "not a gzip file",
    });
    expect(await read(Buffer.from([0x1f, 0x8b, 0, 1, 2, 3]))).toEqual({
      ok: false,
      problem: "not a gzip file",
    });
    expect(await read(gzipSync("just some text, no tar header"))).toEqual({
      ok: false,
      problem: "not a tar archive",
    });
    // gzip inside gzip would be inflated again by the tar parser, past every cap.
    expect(await read(gzipSync(tgzOf([manifest, index])))).toEqual({
      ok: false,
      problem: "not a tar archive",
    });
    expect(await read(tgzOf([index]))).toEqual({
      ok: false,
      problem: "no package.json in the tarball",
    });
    expect(await read(tgzOf([{ path: "package/package.json", body: "[1" }]))).toEqual({
      ok: false,
      problem: "its package.json does not parse",
    });
  });

  it("measures what arrived from a truncated tarball, and says so", async () => {
    const whole = gzipSync(
      tarOf([manifest, index, { path: "package/b.js", body: "x".repeat(9000) }]),
    );
    const result = await read(whole.subarray(0, whole.length - 20));
    expect(result.ok && result.pkg.caveats.some((c) => /truncated|damaged/.test(c))).toBe(true);
  });
});

describe("the tarball client against a hostile registry", () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of cleanup.splice(0).reverse()) await close();
  });

  const tarball = tgzOf([manifest, index]);
  const FAST: TarballClientOptions = { retries: 0, timeoutMs: 2_000 };

  /** A registry serving packument `x` whose tarball lives at `tarballUrl(server)`. */
  async function setup(
    serveTarball: Handler,
    options: TarballClientOptions & {
      tarballAt?: (registry: string) => string;
      token?: string;
    } = {},
  ) {
    const server = await startServer((request, response) => {
      if (request.url === "/x") {
        const at = options.tarballAt?.(server.url) ?? `${server.url}x/-/x-1.0.0.tgz`;
        const dist = { tarball: at, integrity: sri(tarball) };
        return sendJson(response, 200, { name: "x", versions: { "1.0.0": { dist } } });
      }
      return serveTarball(request, response);
    });
    const credentials = options.token
      ? { [nerfDart(server.url)]: { kind: "token" as const, token: new Secret(options.token) } }
      : {};
    const client = createTarballClient(testSettings(server.url, { credentials }), {
      ...FAST,
      ...options,
    });
    cleanup.push(
      () => server.close(),
      () => client.close(),
    );
    return { server, client };
  }

  it("fetches and checks a tarball, sending the token only to the registry's origin", async () => {
    const elsewhere = await startServer((_request, response) => response.end(tarball));
    cleanup.push(() => elsewhere.close());
    const same = await setup((_request, response) => response.end(tarball), { token: "s3cret" });
    expect(await same.client.fetchTarball("x", "1.0.0")).toEqual({ ok: true, bytes: tarball });
    expect(same.server.requests.map((r) => r.headers.authorization)).toEqual([
      "Bearer s3cret",
      "Bearer s3cret",
    ]);

    const other = await setup(() => undefined, {
      token: "s3cret",
      tarballAt: () => `${elsewhere.url}x/-/x-1.0.0.tgz`,
    });
    expect((await other.client.fetchTarball("x", "1.0.0")).ok).toBe(true);
    expect(elsewhere.requests.map((r) => r.headers.authorization)).toEqual([undefined]);
  });

  it("drops the token on a redirect to another host", async () => {
    const elsewhere = await startServer((_request, response) => response.end(tarball));
    cleanup.push(() => elsewhere.close());
    const { client } = await setup(
      (_request, response) => {
        response.writeHead(302, { location: `${elsewhere.url}x-1.0.0.tgz` }).end();
      },
      { token: "s3cret" },
    );
    expect((await client.fetchTarball("x", "1.0.0")).ok).toBe(true);
    expect(elsewhere.requests.map((r) => r.headers.authorization)).toEqual([undefined]);
  });

  it("aborts a body past the compressed cap, declared or not", async () => {
    const big = Buffer.alloc(4096, 1);
    const declared = await setup((_r, response) => response.end(big), { maxTarballBytes: 1000 });
    expect(await declared.client.fetchTarball("x", "1.0.0")).toEqual({
      ok: false,
      status: "unavailable: over 1000 bytes",
    });
    const chunked = await setup(
      (_r, response) => {
        response.writeHead(200, { "transfer-encoding": "chunked" });
        response.write(big);
        response.end(big);
      },
      { maxTarballBytes: 1000 },
    );
    expect(await chunked.client.fetchTarball("x", "1.0.0")).toEqual({
      ok: false,
      status: "unavailable: over 1000 bytes",
    });
  });

  it("gives up on a server that stalls, and on a 404", async () => {
    const stalls = await setup((_r, response) => response.writeHead(200).write("x"), {
      timeoutMs: 200,
    });
    expect(await stalls.client.fetchTarball("x", "1.0.0")).toEqual({
      ok: false,
      status: "unavailable: timeout after 200ms",
    });
    const missing = await setup((_r, response) => sendJson(response, 404, {}));
    expect(await missing.client.fetchTarball("x", "1.0.0")).toEqual({
      ok: false,
      status: "unavailable: 404 not found",
    });
    expect(await missing.client.fetchTarball("x", "9.9.9")).toEqual({
      ok: false,
      status: "unavailable: version not published",
    });
  });

  it("refuses a tarball URL that is not http(s), and a tampered body", async () => {
    const file = await setup(() => undefined, { tarballAt: () => "file:///etc/passwd" });
    expect(await file.client.fetchTarball("x", "1.0.0")).toEqual({
      ok: false,
      status: "unavailable: invalid tarball URL",
    });
    const tampered = await setup((_r, response) => response.end(tgzOf([manifest])));
    expect(await tampered.client.fetchTarball("x", "1.0.0")).toEqual({
      ok: false,
      status: "unavailable: integrity mismatch",
    });
  });
});
