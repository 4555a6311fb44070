/**
 * Credentials go to the registry they belong to and nowhere else: not to a
 * scoped registry on another port, not across a redirect to another origin,
 * and never into a status string.
 */
import { afterEach, describe, expect, it } from "vitest";
import { type RegistryCredential, Secret } from "../../src/collectors/http/npm-settings.js";
import { nerfDart } from "../../src/collectors/http/registry-auth.js";
import { createRegistryClient } from "../../src/collectors/registry/registry-client.js";
import {
  type Handler,
  serveFixtures,
  startServer,
  testSettings,
} from "./helpers/registry-server.js";

const TOKEN = "npm_SECRET_token_value";
const token = (value: string): RegistryCredential => ({ kind: "token", token: new Secret(value) });

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

async function twoRegistries(handlerA: Handler, handlerB: Handler = serveFixtures) {
  const a = await startServer(handlerA);
  const b = await startServer(handlerB);
  const settings = testSettings(a.url, {
    scopes: { "@acme": b.url },
    credentials: { [nerfDart(a.url)]: token(TOKEN) },
  });
  const client = createRegistryClient(settings, { timeoutMs: 2_000, retries: 0 });
  cleanup.push(
    () => a.close(),
    () => b.close(),
    () => client.close(),
  );
  return { a, b, client };
}

describe("credentials", () => {
  it("sends the token to its registry only", async () => {
    const { a, b, client } = await twoRegistries(serveFixtures);
    expect((await client.fetchPackument("left-trim-lite")).ok).toBe(true);
    expect((await client.fetchPackument("@acme/widget-core")).ok).toBe(true);
    expect(a.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    // Same host, another port: another nerf dart, no credentials.
    expect(b.requests[0]?.url).toBe("/@acme%2fwidget-core");
    expect(b.requests[0]?.headers.authorization).toBeUndefined();
  });

  it("drops the token on a redirect to another origin", async () => {
    let bUrl = "";
    const { a, b, client } = await twoRegistries((request, response) => {
      response.writeHead(302, { location: `${bUrl}mirror${request.url}` });
      response.end();
    });
    bUrl = b.url;
    expect((await client.fetchPackument("left-trim-lite")).ok).toBe(true);
    expect(a.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(b.requests[0]?.url).toBe("/mirror/left-trim-lite");
    expect(b.requests[0]?.headers.authorization).toBeUndefined();
  });

  it("keeps the token on a redirect within the same origin", async () => {
    const { a, client } = await twoRegistries((request, response) => {
      if (request.url?.startsWith("/moved/")) return serveFixtures(request, response);
      response.writeHead(301, { location: `/moved${request.url}` });
      response.end();
    });
    expect((await client.fetchPackument("left-trim-lite")).ok).toBe(true);
    expect(a.requests.map((request) => request.headers.authorization)).toEqual([
      `Bearer ${TOKEN}`,
      `Bearer ${TOKEN}`,
    ]);
  });

  it("does not send the token again after bouncing back to its origin", async () => {
    let aUrl = "";
    const { a, b, client } = await twoRegistries(
      (request, response) => {
        if (request.url?.startsWith("/back/")) return serveFixtures(request, response);
        response.writeHead(302, { location: `${b.url}away${request.url}` });
        response.end();
      },
      (request, response) => {
        response.writeHead(302, { location: `${aUrl}back${request.url?.replace("/away", "")}` });
        response.end();
      },
    );
    aUrl = a.url;
    expect((await client.fetchPackument("left-trim-lite")).ok).toBe(true);
    expect(a.requests[1]?.url).toBe("/back/left-trim-lite");
    expect(a.requests[1]?.headers.authorization).toBeUndefined();
  });

  it("keeps the token out of every status", async () => {
    const { client } = await twoRegistries((request, response) => {
      response.writeHead(request.url === "/denied" ? 401 : 500, {
        "www-authenticate": `Bearer ${TOKEN}`,
      });
      response.end(`token ${TOKEN} rejected`);
    });
    const statuses = [
      await client.fetchPackument("denied"),
      await client.fetchPackument("broken"),
    ].map((result) => JSON.stringify(result));
    expect(statuses).toEqual([
      JSON.stringify({ ok: false, status: "unavailable: 401 unauthorized" }),
      JSON.stringify({ ok: false, status: "unavailable: HTTP 500 after 0 retries" }),
    ]);
  });
});
