/**
 * A local registry on 127.0.0.1 (port 0) for the registry client's tests:
 * it records every request's headers and how many were in flight at once,
 * and serves whatever the test's handler says.
 */
import { readFile } from "node:fs/promises";
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type { NpmSettings } from "../../../src/collectors/http/npm-settings.js";

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

export type Handler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

export interface TestServer {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** The most requests that were being answered at the same moment. */
  maxInFlight(): number;
  close(): Promise<void>;
}

/** A certificate and key to serve https: instead of http: */
export interface TlsIdentity {
  cert: string;
  key: string;
}

export async function startServer(handler: Handler, tls?: TlsIdentity): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const listener = (request: IncomingMessage, response: ServerResponse) => {
    requests.push({
      method: request.method ?? "",
      url: request.url ?? "",
      headers: request.headers,
    });
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    response.on("close", () => {
      inFlight -= 1;
    });
    Promise.resolve(handler(request, response)).catch(() => response.destroy());
  };
  const server = tls ? createTlsServer(tls, listener) : createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? "https" : "http"}://127.0.0.1:${port}/`,
    port,
    requests,
    maxInFlight: () => maxInFlight,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const FIXTURES = fileURLToPath(new URL("../../fixtures/registry/", import.meta.url));

/** A test CA, and a certificate it signed for 127.0.0.1 and registry.example.invalid. */
export async function readTlsFixtures(): Promise<{ ca: string; identity: TlsIdentity }> {
  const [ca, cert, key] = await Promise.all(
    ["ca.pem", "registry-cert.pem", "registry-key.pem"].map((file) =>
      readFile(`${FIXTURES}tls/${file}`, "utf8"),
    ),
  );
  return { ca: ca ?? "", identity: { cert: cert ?? "", key: key ?? "" } };
}

export const TLS_CA_FILE = `${FIXTURES}tls/ca.pem`;

/** A fixture's text, by package name (`@scope/name` lives in a folder named after the scope). */
export function readFixture(name: string): Promise<string> {
  return readFile(`${FIXTURES}${name}.json`, "utf8");
}

export const FIXTURE_NAMES = [
  "left-trim-lite",
  "@acme/widget-core",
  "native-hash",
  "legacy-utils",
] as const;

/** The package name a packument request asks for (`/@scope%2fname` → `@scope/name`). */
export function requestedName(request: IncomingMessage): string {
  const path = new URL(request.url ?? "/", "http://placeholder.invalid").pathname;
  return decodeURIComponent(path.split("/").filter(Boolean).at(-1) ?? "");
}

/** Serves fixtures by name, 404 for the rest, like a registry. */
export const serveFixtures: Handler = async (request, response) => {
  const name = requestedName(request);
  const body = (FIXTURE_NAMES as readonly string[]).includes(name) ? await readFixture(name) : null;
  if (body === null) {
    sendJson(response, 404, { error: "Not found" });
    return;
  }
  response.writeHead(200, { "content-type": "application/json", etag: `"${name}-1"` });
  response.end(body);
};

export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(value));
}

/** Settings as loadNpmConfig would return them, for a registry at `registry`. */
export function testSettings(registry: string, overrides: Partial<NpmSettings> = {}): NpmSettings {
  return {
    registry,
    scopes: {},
    credentials: {},
    proxy: { http: null, https: null, noProxy: "" },
    ca: null,
    strictSSL: true,
    userAgent: "jenga-test",
    ...overrides,
  };
}

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
