// A generated package tree served by a local registry on 127.0.0.1, for `npm run bench`:
// no path from the user, no host but this one. `count` packages named bench-pkg-<i>, each
// with three versions (dependents ask for ^1.0.0, so 1.1.0 resolves), a small tarball, and a
// repository URL on git.bench.test (mapped to generated local repositories by bench-git.mjs):
// the first `mono` packages live in folders of one monorepo, the others in a repository each.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import * as tar from "tar";

export const repoHost = "https://git.bench.test";
const versions = ["1.0.0", "1.1.0", "2.0.0"];

export function packageName(i) {
  return `bench-pkg-${i}`;
}

/**
 * Two trees: packages 0–999 and 1000–(count-1), each package depending on two of its own tree
 * (a binary tree from the tree's first package), so a project that depends on the first
 * package of a tree installs all of it.
 */
export const firstTree = 1000;
export function dependenciesOf(i, count) {
  const start = i < firstTree ? 0 : firstTree;
  const end = i < firstTree ? Math.min(firstTree, count) : count;
  const deps = {};
  for (const j of [2 * (i - start) + 1 + start, 2 * (i - start) + 2 + start])
    if (j < end) deps[packageName(j)] = "^1.0.0";
  return deps;
}

export function repositoryOf(i, mono) {
  return i < mono
    ? { type: "git", url: `git+${repoHost}/mono.git`, directory: `packages/p${i}` }
    : { type: "git", url: `git+${repoHost}/r${i}.git` };
}

/** Writes tarballs and packuments under `dir`; returns the names. */
export function generateRegistry(dir, { count, mono }) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "tarballs"), { recursive: true });
  const staging = path.join(dir, "staging");
  const packuments = {};
  for (let i = 0; i < count; i++) {
    const name = packageName(i);
    const doc = {
      name,
      "dist-tags": { latest: "2.0.0" },
      versions: {},
      time: { created: "2020-01-01T00:00:00.000Z", modified: "2024-06-01T00:00:00.000Z" },
      repository: repositoryOf(i, mono),
      description: `generated package ${i}`,
      license: "MIT",
    };
    for (const [k, version] of versions.entries()) {
      const manifest = {
        name,
        version,
        main: "index.js",
        dependencies: dependenciesOf(i, count),
        repository: repositoryOf(i, mono),
        license: "MIT",
      };
      rmSync(staging, { recursive: true, force: true });
      mkdirSync(path.join(staging, "package"), { recursive: true });
      writeFileSync(path.join(staging, "package", "package.json"), JSON.stringify(manifest));
      writeFileSync(
        path.join(staging, "package", "index.js"),
        `exports.one = () => ${i};\nexports.two = () => "${version}";\n`,
      );
      const file = path.join(dir, "tarballs", `${name}-${version}.tgz`);
      tar.c({ gzip: true, cwd: staging, sync: true, file, portable: true }, ["package"]);
      const bytes = readFileSync(file);
      doc.versions[version] = {
        ...manifest,
        dist: {
          tarball: `REGISTRY/${name}/-/${name}-${version}.tgz`,
          integrity: `sha512-${createHash("sha512").update(bytes).digest("base64")}`,
          shasum: createHash("sha1").update(bytes).digest("hex"),
        },
      };
      doc.time[version] = new Date(Date.UTC(2021 + k, i % 12, 1)).toISOString();
    }
    packuments[name] = JSON.stringify(doc);
  }
  rmSync(staging, { recursive: true, force: true });
  writeFileSync(path.join(dir, "packuments.json"), JSON.stringify(packuments));
}

/** Serves the generated registry; resolves with its URL (ending in /) and a close function. */
export async function serveRegistry(dir) {
  const packuments = JSON.parse(readFileSync(path.join(dir, "packuments.json"), "utf8"));
  let base = "";
  const server = createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? "/").split("?")[0]);
    if (req.method === "POST") {
      // Bulk advisories (npm audit's and jenga's): none for generated packages.
      req.resume();
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
      return;
    }
    const tarball = /^\/([^/]+)\/-\/([^/]+\.tgz)$/.exec(url);
    if (tarball) {
      try {
        const bytes = readFileSync(path.join(dir, "tarballs", tarball[2]));
        res.writeHead(200, { "content-type": "application/octet-stream" }).end(bytes);
      } catch {
        res.writeHead(404).end();
      }
      return;
    }
    const doc = packuments[url.slice(1)];
    if (!doc) {
      res.writeHead(404, { "content-type": "application/json" }).end('{"error":"not found"}');
      return;
    }
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(doc.replaceAll("REGISTRY/", base));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${server.address().port}/`;
  return { url: base, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** The project: direct dependencies (package numbers) and a source file that imports them. */
export function writeProject(dir, { direct, name = "bench-app" }) {
  mkdirSync(path.join(dir, "src"), { recursive: true });
  const dependencies = {};
  for (const i of direct) dependencies[packageName(i)] = "^1.0.0";
  writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({ name, version: "1.0.0", private: true, dependencies }, null, 2),
  );
  const imports = Object.keys(dependencies)
    .map((d, i) => `import { one as f${i} } from "${d}";\nf${i}();`)
    .join("\n");
  writeFileSync(path.join(dir, "src", "index.js"), `${imports}\n`);
}
