/**
 * https registries: a private CA from npm's `cafile`, `strict-ssl=false`, and
 * an https registry reached through a CONNECT tunnel. The certificates are
 * fixtures (test/fixtures/registry/tls, see the README there).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadNpmConfig } from "../../src/collectors/http/npm-config.js";
import { createRegistryClient } from "../../src/collectors/registry/registry-client.js";
import { startForwardProxy } from "./helpers/forward-proxy.js";
import {
  readTlsFixtures,
  serveFixtures,
  startServer,
  TLS_CA_FILE,
  testSettings,
} from "./helpers/registry-server.js";

const OPTIONS = { timeoutMs: 2_000, retries: 0 };

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

async function httpsRegistry() {
  const { ca, identity } = await readTlsFixtures();
  const server = await startServer(serveFixtures, identity);
  cleanup.push(() => server.close());
  return { server, ca };
}

describe("TLS", () => {
  it("trusts a private CA named by cafile in an .npmrc", async () => {
    const { server } = await httpsRegistry();
    const home = await mkdtemp(path.join(tmpdir(), "jenga-tls-"));
    cleanup.push(() => rm(home, { recursive: true, force: true }));
    await writeFile(path.join(home, ".npmrc"), `registry=${server.url}\ncafile=${TLS_CA_FILE}\n`);
    const settings = await loadNpmConfig({
      cwd: home,
      env: { HOME: home, npm_config_globalconfig: path.join(home, "none") },
    });
    const client = createRegistryClient(settings, OPTIONS);
    cleanup.push(() => client.close());
    expect((await client.fetchPackument("left-trim-lite")).ok).toBe(true);
  });

  it("refuses an untrusted certificate, unless strict-ssl is off", async () => {
    const { server } = await httpsRegistry();
    const strict = createRegistryClient(testSettings(server.url), OPTIONS);
    const lax = createRegistryClient(testSettings(server.url, { strictSSL: false }), OPTIONS);
    cleanup.push(
      () => strict.close(),
      () => lax.close(),
    );
    const refused = await strict.fetchPackument("left-trim-lite");
    expect(refused).toEqual({ ok: false, status: "unavailable: UNABLE_TO_VERIFY_LEAF_SIGNATURE" });
    expect((await lax.fetchPackument("left-trim-lite")).ok).toBe(true);
  });

  it("tunnels to an https registry through the proxy, verifying the registry's certificate", async () => {
    const { server, ca } = await httpsRegistry();
    const proxy = await startForwardProxy(server.port);
    cleanup.push(() => proxy.close());
    const registry = `https://registry.example.invalid:${server.port}/`;
    const client = createRegistryClient(
      testSettings(registry, { ca: [ca], proxy: { http: null, https: proxy.url, noProxy: "" } }),
      OPTIONS,
    );
    cleanup.push(() => client.close());
    expect((await client.fetchPackument("left-trim-lite")).ok).toBe(true);
    expect(proxy.seen).toEqual([`CONNECT registry.example.invalid:${server.port}`]);
  });
});
