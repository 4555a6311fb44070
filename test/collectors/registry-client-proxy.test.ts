/**
 * Proxies as npm uses them: an http: registry reached through a forwarding
 * proxy (the registry's host does not even resolve, so only the proxy can
 * answer), and NO_PROXY sending a host around it.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createRegistryClient } from "../../src/collectors/registry/registry-client.js";
import { startForwardProxy } from "./helpers/forward-proxy.js";
import { serveFixtures, startServer, testSettings } from "./helpers/registry-server.js";

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

async function registryAndProxy() {
  const registry = await startServer(serveFixtures);
  const proxy = await startForwardProxy(registry.port);
  cleanup.push(
    () => registry.close(),
    () => proxy.close(),
  );
  return { registry, proxy };
}

describe("proxies", () => {
  it("reaches an http: registry through the proxy", async () => {
    const { registry, proxy } = await registryAndProxy();
    const unresolvable = `http://registry.example.invalid:${registry.port}/`;
    const client = createRegistryClient(
      testSettings(unresolvable, { proxy: { http: proxy.url, https: null, noProxy: "" } }),
      { timeoutMs: 2_000, retries: 0 },
    );
    cleanup.push(() => client.close());
    const result = await client.fetchPackument("left-trim-lite");
    expect(result.ok).toBe(true);
    expect(proxy.seen).toEqual([`${unresolvable}left-trim-lite`]);
    expect(registry.requests[0]?.headers.host).toBe(`registry.example.invalid:${registry.port}`);
  });

  it("goes around the proxy for a NO_PROXY host", async () => {
    const { registry, proxy } = await registryAndProxy();
    const client = createRegistryClient(
      testSettings(registry.url, {
        proxy: { http: proxy.url, https: proxy.url, noProxy: "localhost,127.0.0.1" },
      }),
      { timeoutMs: 2_000, retries: 0 },
    );
    cleanup.push(() => client.close());
    expect((await client.fetchPackument("left-trim-lite")).ok).toBe(true);
    expect(proxy.seen).toEqual([]);
    expect(registry.requests).toHaveLength(1);
  });
});
