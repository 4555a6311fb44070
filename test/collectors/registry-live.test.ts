/**
 * The one test that reaches a real registry: whichever one npm's own
 * configuration names on this machine (mirror, proxy, token and all).
 * Skipped unless JENGA_LIVE_TEST=1.
 */
import { describe, expect, it } from "vitest";
import { loadNpmConfig } from "../../src/collectors/http/npm-config.js";
import { createRegistryClient } from "../../src/collectors/registry/registry-client.js";

const LIVE = process.env.JENGA_LIVE_TEST === "1";

describe.skipIf(!LIVE)("the configured registry (JENGA_LIVE_TEST=1)", () => {
  it("serves a real packument that the client can read", async () => {
    const settings = await loadNpmConfig({
      cwd: process.cwd(),
      env: process.env,
      userAgent: "jenga/live-test",
    });
    const client = createRegistryClient(settings, { timeoutMs: 60_000 });
    try {
      const result = await client.fetchPackument("semver");
      expect(result).toMatchObject({ ok: true });
      if (!result.ok || result.notModified) return;
      expect(result.evidence.name).toBe("semver");
      expect(Object.keys(result.evidence.versions).length).toBeGreaterThan(100);
      expect(result.evidence.distTags.latest).toMatch(/^\d+\.\d+\.\d+/);
      expect(await client.fetchPackument("@jenga-does-not-exist/nothing-here")).toMatchObject({
        ok: false,
      });
    } finally {
      await client.close();
    }
  });
});
