import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server, type Socket } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

// Issue 15 item 11: git children outlived a killed jenga. Every git call now carries limits
// that hold without jenga: a deadline kept by a wrapper process of its own, and git's
// low-speed limits for HTTP. Each case starts a clone from a separate process (the built
// code, as the binary runs it), kills that process with SIGKILL once git has connected to a
// local server that never answers, and waits for git to hang up on its own.
const built = fileURLToPath(new URL("../../.build/collectors/git/git-clone.js", import.meta.url));

let root: string;
let server: Server;
let connections: Socket[] = [];
let parent: ChildProcess | null = null;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "jenga-orphan-"));
  server = createServer((socket) => {
    connections.push(socket);
    socket.on("error", () => undefined);
    // Read (and drop) what git sends, so its hang-up is seen.
    socket.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});
afterEach(() => {
  parent?.kill("SIGKILL");
  for (const socket of connections) socket.destroy();
  connections = [];
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(root, { recursive: true, force: true });
});

/** Starts a clone in a separate process; resolves once git has connected to the server. */
async function cloneFromParent(url: string, limits: object): Promise<Socket> {
  const script = `
    const { cloneOrFetch } = await import(${JSON.stringify(built)});
    await cloneOrFetch(${JSON.stringify(url)}, ${JSON.stringify(path.join(root, `r${Date.now()}.git`))},
      { env: { PATH: process.env.PATH, HOME: ${JSON.stringify(root)}, GIT_CONFIG_NOSYSTEM: "1" },
        limits: ${JSON.stringify(limits)} });`;
  parent = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: "ignore" });
  const started = Date.now();
  while (connections.length === 0) {
    if (Date.now() - started > 10_000) throw new Error("git never connected");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return connections[0] as Socket;
}

/** Seconds until git closes its connection, or null when it is still open after `withinMs`. */
function hangUp(socket: Socket, withinMs: number): Promise<number | null> {
  const started = Date.now();
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), withinMs);
    socket.once("close", () => {
      clearTimeout(timer);
      resolve((Date.now() - started) / 1000);
    });
  });
}

describe.skipIf(!existsSync(built))("a git process whose jenga was killed", () => {
  it("ends at its own deadline even on a transport with no time limit (git://)", async () => {
    const { port } = server.address() as { port: number };
    const socket = await cloneFromParent(`git://127.0.0.1:${port}/acme/x.git`, {
      timeoutMs: 600_000,
      deadlineMs: 2_000,
      maxBytes: 1e9,
    });
    parent?.kill("SIGKILL");
    expect(await hangUp(socket, 10_000)).not.toBeNull();
  }, 30_000);

  it("ends at git's low-speed limit on HTTP", async () => {
    const { port } = server.address() as { port: number };
    const socket = await cloneFromParent(`http://127.0.0.1:${port}/acme/x.git`, {
      timeoutMs: 600_000,
      deadlineMs: 600_000,
      maxBytes: 1e9,
      lowSpeedSeconds: 1,
    });
    parent?.kill("SIGKILL");
    expect(await hangUp(socket, 10_000)).not.toBeNull();
  }, 30_000);
});
