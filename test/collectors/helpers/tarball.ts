/**
 * Tarballs made inside the tests, and a registry on 127.0.0.1 that serves
 * them: every entry is written with node-tar's own header encoder, so a test
 * can make any entry a stranger could (a `..` path, a symlink, a device).
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { Header } from "tar";
import { sendJson, startServer, type TestServer } from "./registry-server.js";

export interface TarEntry {
  path: string;
  body?: string | Buffer;
  type?: "File" | "Directory" | "SymbolicLink" | "Link" | "CharacterDevice" | "FIFO";
  linkpath?: string;
}

const BLOCK = 512;

/** Uncompressed tar bytes: a header block per entry, its body padded to whole blocks, two empty blocks. */
export function tarOf(entries: TarEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const body = Buffer.from(entry.body ?? "");
    const type = entry.type ?? "File";
    const size = type === "File" ? body.length : 0;
    const header = Buffer.alloc(BLOCK);
    new Header({
      path: entry.path,
      mode: 0o644,
      size,
      type,
      mtime: new Date("2020-01-01T00:00:00Z"),
      ...(entry.linkpath ? { linkpath: entry.linkpath } : {}),
    }).encode(header, 0);
    blocks.push(header);
    if (size > 0) blocks.push(body, Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK));
  }
  blocks.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(blocks);
}

export function tgzOf(entries: TarEntry[]): Buffer {
  return gzipSync(tarOf(entries));
}

/** Every file of `dir` under `package/`, as `npm pack` lays a package out. */
export async function packFolder(dir: string): Promise<Buffer> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
  const entries = await Promise.all(
    files.map(async (file) => ({
      path: `package/${file}`,
      body: await readFile(path.join(dir, file)),
    })),
  );
  return tgzOf(entries);
}

export function sri(bytes: Buffer): string {
  return `sha512-${createHash("sha512").update(bytes).digest("base64")}`;
}

export interface Published {
  /** version → tarball bytes. */
  versions: Record<string, Buffer>;
  /** Overrides the published integrity (a mismatch), or removes it (null: shasum only). */
  integrity?: string | null;
}

/**
 * A registry serving abbreviated packuments at `/<name>` and tarballs at
 * `/<name>/-/<file>.tgz`, each tarball's `dist` carrying its real digests
 * unless the test says otherwise. Unknown names and files get 404.
 */
export async function startTarballRegistry(
  packages: Record<string, Published>,
): Promise<TestServer> {
  const server: TestServer = await startServer((request, response) => {
    const url = new URL(request.url ?? "/", server.url);
    const [encoded, dash, file] = url.pathname.slice(1).split("/");
    const name = decodeURIComponent(encoded ?? "");
    const pkg = packages[name];
    if (!pkg) return sendJson(response, 404, { error: "Not found" });
    if (dash === undefined) return sendJson(response, 200, packumentOf(server.url, name, pkg));
    const version = file?.replace(/^.*-(\d+\.\d+\.\d+)\.tgz$/, "$1") ?? "";
    const bytes = pkg.versions[version];
    if (dash !== "-" || !bytes) return sendJson(response, 404, { error: "Not found" });
    response.writeHead(200, { "content-type": "application/octet-stream" });
    response.end(bytes);
  });
  return server;
}

function packumentOf(registry: string, name: string, pkg: Published) {
  const base = name.replace(/^@.*\//, "");
  const versions = Object.fromEntries(
    Object.entries(pkg.versions).map(([version, bytes]) => [
      version,
      {
        name,
        version,
        dist: {
          tarball: `${registry}${name}/-/${base}-${version}.tgz`,
          shasum: createHash("sha1").update(bytes).digest("hex"),
          ...(pkg.integrity === null ? {} : { integrity: pkg.integrity ?? sri(bytes) }),
        },
      },
    ]),
  );
  return { name, "dist-tags": { latest: Object.keys(pkg.versions).at(-1) }, versions };
}
