/**
 * A tiny forwarding HTTP proxy on 127.0.0.1 for the proxy tests. Every request
 * it receives (absolute-form `GET http://host/path` or a CONNECT tunnel) goes
 * to one fixed upstream whatever host it names, so a test can use a host that
 * does not resolve and still get an answer only through the proxy.
 */
import { createServer, request as httpRequest } from "node:http";
import { type AddressInfo, connect, type Socket } from "node:net";

export interface ForwardProxy {
  url: string;
  /** Request targets seen, e.g. `http://registry.example.invalid:1234/pkg` or `CONNECT host:443`. */
  seen: string[];
  close(): Promise<void>;
}

export async function startForwardProxy(upstreamPort: number): Promise<ForwardProxy> {
  const seen: string[] = [];
  // Tunnelled sockets leave the HTTP server's bookkeeping; close them ourselves.
  const tunnels = new Set<Socket>();
  const server = createServer((request, response) => {
    seen.push(request.url ?? "");
    const target = new URL(request.url ?? "/", "http://placeholder.invalid");
    const upstream = httpRequest(
      {
        host: "127.0.0.1",
        port: upstreamPort,
        method: request.method,
        path: `${target.pathname}${target.search}`,
        headers: request.headers,
      },
      (upstreamResponse) => {
        response.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
        upstreamResponse.pipe(response);
      },
    );
    upstream.on("error", () => response.destroy());
    request.pipe(upstream);
  });
  server.on("connect", (request, clientSocket, head) => {
    seen.push(`CONNECT ${request.url ?? ""}`);
    tunnels.add(clientSocket as Socket);
    const upstream = connect(upstreamPort, "127.0.0.1", () => {
      clientSocket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(clientSocket);
      clientSocket.pipe(upstream);
    });
    tunnels.add(upstream);
    upstream.on("error", () => clientSocket.destroy());
    clientSocket.on("error", () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of tunnels) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
