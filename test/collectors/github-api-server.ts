/**
 * A local stand-in for the GitHub REST API on 127.0.0.1: routes (path and
 * query) to replies in GitHub's real formats, with rate-limit headers on
 * every answer and Link headers where a test asks for them. A route with a
 * list of replies answers them in turn (a 403, then a 200).
 */
import { readFileSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import { startServer, type TestServer } from "./helpers/registry-server.js";

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** A fixture file under test/fixtures/github/, or a literal body. */
  file?: string;
  body?: string;
  /** Links to other routes of this server: `{ next: "/path?x" }`. */
  links?: Record<string, string>;
}

export interface GitHubApiServer extends TestServer {
  /** Requests per route, in the order they came. */
  hits(route: string): number;
}

const FIXTURES = fileURLToPath(new URL("../fixtures/github/", import.meta.url));
/** The reset time every answer reports: 2026-06-01T00:42:00Z, 42 minutes after the tests' "now". */
export const RESET_EPOCH = Date.parse("2026-06-01T00:42:00Z") / 1000;

export function fixture(file: string): string {
  return readFileSync(`${FIXTURES}${file}`, "utf8");
}

export async function startGitHubApi(
  routes: Record<string, Reply | Reply[]>,
  options: { remaining?: number } = {},
): Promise<GitHubApiServer> {
  const counts = new Map<string, number>();
  let remaining = options.remaining ?? 4999;
  let base = "";
  const server = await startServer((request, response) => {
    const route = request.url ?? "/";
    const seen = counts.get(route) ?? 0;
    counts.set(route, seen + 1);
    const entry = routes[route];
    const reply = Array.isArray(entry) ? entry[Math.min(seen, entry.length - 1)] : entry;
    remaining = Math.max(0, remaining - 1);
    send(response, reply ?? notFound, remaining, base);
  });
  base = server.url.replace(/\/$/, "");
  return { ...server, hits: (route) => counts.get(route) ?? 0 };
}

const notFound: Reply = {
  status: 404,
  body: JSON.stringify({
    message: "Not Found",
    documentation_url: "https://docs.github.com/rest",
    status: "404",
  }),
};

function send(response: ServerResponse, reply: Reply, remaining: number, base: string): void {
  const links = Object.entries(reply.links ?? {})
    .map(([rel, route]) => `<${base}${route}>; rel="${rel}"`)
    .join(", ");
  const html = reply.file?.endsWith(".html");
  response.writeHead(reply.status ?? 200, {
    "content-type": html ? "text/html; charset=utf-8" : "application/json; charset=utf-8",
    "x-ratelimit-limit": "5000",
    "x-ratelimit-remaining": String(remaining),
    "x-ratelimit-reset": String(RESET_EPOCH),
    "x-ratelimit-used": String(5000 - remaining),
    "x-ratelimit-resource": "core",
    "x-github-api-version-selected": "2022-11-28",
    ...(links ? { link: links } : {}),
    ...reply.headers,
  });
  response.end(reply.file ? fixture(reply.file) : (reply.body ?? ""));
}

const ALL = "sort=created&direction=desc&per_page=100";
const OPEN = "sort=created&direction=asc&per_page=100";

/** The example/widget repository: three pages of issues (the third reaches past the window), one of open ones. */
export function widgetRoutes(): Record<string, Reply | Reply[]> {
  const r = "/repos/example/widget";
  return {
    [r]: { file: "widget/repo.json" },
    [`${r}/issues?state=all&${ALL}`]: {
      file: "widget/issues-all-page-1.json",
      links: {
        next: `${r}/issues?state=all&${ALL}&page=2`,
        last: `${r}/issues?state=all&${ALL}&page=4`,
      },
    },
    [`${r}/issues?state=all&${ALL}&page=2`]: {
      file: "widget/issues-all-page-2.json",
      links: {
        prev: `${r}/issues?state=all&${ALL}&page=1`,
        next: `${r}/issues?state=all&${ALL}&page=3`,
      },
    },
    [`${r}/issues?state=all&${ALL}&page=3`]: {
      file: "widget/issues-all-page-3.json",
      links: {
        next: `${r}/issues?state=all&${ALL}&page=4`,
        last: `${r}/issues?state=all&${ALL}&page=4`,
      },
    },
    [`${r}/issues?state=open&${OPEN}`]: { file: "widget/issues-open-page-1.json" },
    [`${r}/issues/10/comments?per_page=100`]: { file: "widget/comments-10.json" },
    [`${r}/issues/9/comments?per_page=100`]: { file: "widget/comments-9.json" },
    [`${r}/issues/6/comments?per_page=100`]: { file: "widget/comments-6.json" },
    [`${r}/contents/`]: { file: "widget/contents-root.json" },
    [`${r}/contents/.github`]: { file: "widget/contents-github.json" },
    [`${r}/readme`]: { file: "widget/readme.html" },
  };
}
