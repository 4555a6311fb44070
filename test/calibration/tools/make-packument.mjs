// Writes fixtures/<package>/packument.json: an excerpt of the package's packument in the public
// registry's format, for the versions the calibration needs (the installed one, the latest of
// each major line, the six newest), as of the evidence date (`now` in labels.json).
//
//   node test/calibration/tools/make-packument.mjs <packuments-dir> <pack-dir> [name ...]
//
// <packuments-dir>/<name>.json: the full packument as the registry client fetched it (only
//   versions, manifests, dist-tags are read from it: the mirror we can reach rewrites `time`
//   and strips `deprecated`, `maintainers` and the dist sizes).
// <pack-dir>/<name>@<version>.json: `npm pack --dry-run --json <name>@<version>` output, for
//   `dist.unpackedSize` and `dist.fileCount` of the installed and latest versions.
// Publish times come from the repository's git tags (tag date of `v<version>`, `<version>` or
//   `<name>@<version>`) in fixtures/<package>/git.json, else from the author date of a commit
//   whose subject is exactly the version (what `npm version` writes), read from the snapshot.
// Deprecation messages and maintainers come from labels.json, where each has its public source.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import semver from "semver";
import { fixtureDir } from "../lib/fixtures.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const [packuments, packs, ...only] = process.argv.slice(2);
// The folder of repository snapshots (one bare repository per `<owner>+<name>/repo`).
const mirrorRoot = process.env.CALIBRATION_MIRROR;
if (!mirrorRoot) throw new Error("set CALIBRATION_MIRROR to the folder of repository snapshots");
const labels = JSON.parse(readFileSync(path.join(here, "..", "labels.json"), "utf8"));
const keepScripts = ["preinstall", "install", "postinstall"];

for (const record of labels.packages) {
  if (only.length > 0 && !only.includes(record.name)) continue;
  const dir = fixtureDir(record.name);
  const full = JSON.parse(
    readFileSync(path.join(packuments, `${record.name.replace("/", "+")}.json`), "utf8"),
  );
  const horizon = Date.parse(record.now);
  const times = publishTimes(record, dir);
  for (const [v, t] of Object.entries(record.registryOverrides?.times ?? {})) times.set(v, t);
  const dated = Object.keys(full.versions).filter(
    (v) => times.has(v) && Date.parse(times.get(v)) <= horizon,
  );
  const stable = dated.filter((v) => !semver.prerelease(v)).sort(semver.compare);
  const kept = new Set([record.installed]);
  const byMajor = new Map();
  for (const v of stable) byMajor.set(semver.major(v), v);
  for (const v of byMajor.values()) kept.add(v);
  for (const v of stable.slice(-6)) kept.add(v);
  const versions = {};
  const latest = record.registryOverrides?.latest ?? stable.at(-1) ?? record.installed;
  kept.add(latest);
  for (const v of [...kept].sort(semver.compare))
    versions[v] = manifest(record, full.versions[v], v, packs);
  const time = {};
  const all = dated.map((v) => Date.parse(times.get(v))).sort((a, b) => a - b);
  if (all.length > 0) {
    time.created = new Date(all[0]).toISOString();
    time.modified = new Date(all.at(-1)).toISOString();
  }
  for (const v of Object.keys(versions)) if (times.has(v)) time[v] = times.get(v);
  const packument = {
    name: record.name,
    description: full.versions[latest]?.description ?? null,
    "dist-tags": { latest },
    time,
    ...(record.maintainers ? { maintainers: record.maintainers.list } : {}),
    repository: full.versions[latest]?.repository ?? null,
    license: full.versions[latest]?.license ?? null,
    versions,
  };
  await writeFile(path.join(dir, "packument.json"), `${JSON.stringify(packument, null, 1)}\n`);
  console.log(`${record.name}: ${Object.keys(versions).join(" ")} (latest ${latest})`);
}

function manifest(record, m, version, packs) {
  if (!m) throw new Error(`${record.name}@${version} is not in the packument`);
  const scripts = Object.fromEntries(
    Object.entries(m.scripts ?? {}).filter(([k]) => keepScripts.includes(k)),
  );
  const out = {
    name: record.name,
    version,
    ...(m.description ? { description: m.description } : {}),
    license: m.license ?? m.licenses ?? null,
    repository: m.repository ?? null,
    dependencies: m.dependencies ?? {},
    ...(Object.keys(scripts).length > 0 ? { scripts } : {}),
    ...(m.gypfile !== undefined ? { gypfile: m.gypfile } : {}),
  };
  const dep = record.deprecated?.find((d) => semver.satisfies(version, d.range));
  if (dep) out.deprecated = dep.message;
  const packFile = path.join(packs, `${record.name.replace("/", "+")}@${version}.json`);
  if (existsSync(packFile)) {
    const [pack] = JSON.parse(readFileSync(packFile, "utf8"));
    out.dist = { unpackedSize: pack.unpackedSize, fileCount: pack.entryCount };
  }
  return out;
}

function publishTimes(record, dir) {
  const times = new Map();
  const git = JSON.parse(readFileSync(path.join(dir, "git.json"), "utf8"));
  for (const tag of [...git.tags].reverse()) {
    const m = /^(?:v|.+@v?)?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(tag.name);
    if (!m) continue;
    if (tag.name.includes("@") && !tag.name.startsWith(`${record.name}@`)) continue;
    if (!times.has(m[1])) times.set(m[1], new Date(tag.time * 1000).toISOString());
  }
  const { owner, repo } = record.repository;
  const gitDir = path.join(mirrorRoot, `${owner}+${repo}`, "repo");
  if (existsSync(gitDir)) {
    const log = execFileSync("git", ["--git-dir", gitDir, "log", "--format=%at %s", "HEAD"], {
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
    });
    for (const line of log.split("\n").reverse()) {
      const m = /^(\d+) v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(line);
      if (m && !times.has(m[2])) times.set(m[2], new Date(Number(m[1]) * 1000).toISOString());
    }
  }
  return times;
}
