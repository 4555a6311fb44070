/**
 * A registry's bulk advisory endpoint on 127.0.0.1: it records every POST's
 * parsed body and Authorization header, and answers from the fixtures in
 * test/fixtures/registry-bulk (one file per package, the registry's own format),
 * or with whatever the test's `answer` says.
 */
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { startServer, type TestServer } from "./registry-server.js";

export const bulkFixturesDir = path.resolve(import.meta.dirname, "../../fixtures/registry-bulk");
export const bulkPath = "/-/npm/v1/security/advisories/bulk";

/** The fixture entries of one package, or none. */
export function bulkFixture(name: string): unknown[] {
  try {
    return JSON.parse(readFileSync(path.join(bulkFixturesDir, `${name}.json`), "utf8"));
  } catch {
    return [];
  }
}

/** The registry's answer to a body: each asked package with fixture entries, the rest absent. */
export function fixtureAnswer(body: Record<string, string[]>): Record<string, unknown[]> {
  const answer: Record<string, unknown[]> = {};
  for (const name of Object.keys(body)) {
    const entries = bulkFixture(name);
    if (entries.length > 0) answer[name] = entries;
  }
  return answer;
}

export interface BulkPost {
  path: string;
  authorization: string | undefined;
  body: Record<string, string[]>;
}

export interface BulkServer extends TestServer {
  posts: BulkPost[];
}

export type BulkAnswer = (
  body: Record<string, string[]>,
  response: ServerResponse,
  request: IncomingMessage,
) => void | Promise<void>;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export function sendBody(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(typeof body === "string" ? body : JSON.stringify(body));
}

export async function startBulkServer(
  answer: BulkAnswer = (body, response) => sendBody(response, 200, fixtureAnswer(body)),
): Promise<BulkServer> {
  const posts: BulkPost[] = [];
  const server = await startServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://placeholder.invalid");
    if (request.method !== "POST" || !url.pathname.endsWith(bulkPath)) {
      sendBody(response, 404, { error: "Not found" });
      return;
    }
    const body = JSON.parse(await readBody(request)) as Record<string, string[]>;
    posts.push({ path: url.pathname, authorization: request.headers.authorization, body });
    await answer(body, response, request);
  });
  return Object.assign(server, { posts });
}
