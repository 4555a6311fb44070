import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface ServedRequest {
  url: string;
  headers: IncomingHttpHeaders;
}

export interface RegistryServer {
  url: string;
  /** Packument requests. */
  requests: ServedRequest[];
  /** Bulk advisory POSTs, with their bodies (`{ name: [versions] }`). */
  bulkRequests: (ServedRequest & { body: Record<string, string[]> })[];
  /** How long every answer waits, in ms; starts at the `delayMs` option, may be changed. */
  delayMs: number;
  close(): Promise<void>;
}

const bulkAdvisoryPath = "/-/npm/v1/security/advisories/bulk";

/**
 * A registry on 127.0.0.1 serving packuments by package name (`/@scope%2fname` or
 * `/name`); unknown names get the registry's 404 body. `delayMs` slows every answer
 * (the returned server's `delayMs` changes it for the answers after).
 * `bulkAdvisories` (name → the registry's entries) makes it answer the bulk advisory
 * endpoint as the public registry does; without it, that endpoint is a 404, as on
 * registries that do not offer it.
 */
export async function startRegistryServer(
  packuments: Record<string, unknown>,
  options: { delayMs?: number; bulkAdvisories?: Record<string, unknown[]> } = {},
): Promise<RegistryServer> {
  const requests: ServedRequest[] = [];
  const bulkRequests: RegistryServer["bulkRequests"] = [];
  let delayMs = options.delayMs ?? 0;
  const server: Server = createServer((req, res) => {
    if (req.method === "POST" && req.url === bulkAdvisoryPath) {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, string[]>;
        bulkRequests.push({ url: req.url ?? "", headers: req.headers, body });
        const known = options.bulkAdvisories;
        if (!known) {
          res.writeHead(404, { "content-type": "application/json" }).end('{"error":"Not found"}');
          return;
        }
        const answer = Object.fromEntries(
          Object.keys(body).flatMap((name) => (known[name] ? [[name, known[name]]] : [])),
        );
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
      });
      return;
    }
    requests.push({ url: req.url ?? "", headers: req.headers });
    const name = decodeURIComponent((req.url ?? "/").slice(1));
    const body = packuments[name];
    setTimeout(() => {
      if (body === undefined) {
        res.writeHead(404, { "content-type": "application/json" }).end('{"error":"Not found"}');
        return;
      }
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    bulkRequests,
    get delayMs() {
      return delayMs;
    },
    set delayMs(ms: number) {
      delayMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A packument in the public registry's format, with real-looking publish history. */
export function packument(
  name: string,
  versions: Record<
    string,
    { time: string; deprecated?: string; scripts?: Record<string, string>; unpackedSize?: number }
  >,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const names = Object.keys(versions);
  const times = Object.fromEntries(names.map((v) => [v, versions[v]?.time]));
  const sorted = Object.values(times)
    .filter((t): t is string => typeof t === "string")
    .sort();
  return {
    _id: name,
    name,
    "dist-tags": { latest: names[names.length - 1] },
    versions: Object.fromEntries(
      names.map((v) => [
        v,
        {
          name,
          version: v,
          license: "MIT",
          repository: {
            type: "git",
            url: `git+https://github.com/example/${name.replace(/^@.*\//, "")}.git`,
          },
          ...(versions[v]?.deprecated ? { deprecated: versions[v]?.deprecated } : {}),
          ...(versions[v]?.scripts ? { scripts: versions[v]?.scripts } : {}),
          dist: {
            tarball: `https://registry.example.invalid/${name}/-/${name}-${v}.tgz`,
            unpackedSize: versions[v]?.unpackedSize ?? 20_000,
            fileCount: 5,
          },
        },
      ]),
    ),
    time: { created: sorted[0], modified: sorted[sorted.length - 1], ...times },
    maintainers: [
      { name: "alice", email: "alice@example.com" },
      { name: "bob", email: "bob@example.com" },
    ],
    ...extra,
  };
}
