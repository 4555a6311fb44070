#!/usr/bin/env node
// node test/bench/usage-dump.mjs <project> [cache dir] > result.json: every package's class,
// symbols, sites, blind spots and footprint, as the built code (.build) finds them on a real
// project. Speed work must leave this output byte-identical: dump before a change, dump after,
// `cmp` the two (once with an empty cache dir and once with the filled one, to cover warm runs).
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const build = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../.build");
const mod = (file) => import(pathToFileURL(path.join(build, file)).href);
const { addFootprints } = await mod("collectors/usage/collect-usage.js");
const { analyzeUsage } = await mod("collectors/usage/analyze-usage.js");
const { usageLimits } = await mod("collectors/usage/limits.js");
const { readInstalled, readManifests } = await mod("collectors/usage/read-manifests.js");
const { readProjectFiles } = await mod("collectors/usage/read-project-files.js");
const { namedDotFolders } = await mod("collectors/usage/named-dot-folders.js");
const { createDiskCache } = await mod("cache/disk-cache.js");

const [project, cacheDir] = process.argv.slice(2);
if (!project) {
  process.stderr.write("usage: node test/bench/usage-dump.mjs <project> [cache dir]\n");
  process.exit(2);
}
const manifests = await readManifests(project);
const { files, skipped } = await readProjectFiles(project, usageLimits, namedDotFolders(manifests));
const { bins, peers } = await readInstalled(project, manifests);
const analysis = analyzeUsage({ files, manifests, bins, peers, skipped });
const cache = cacheDir
  ? createDiskCache({ dir: cacheDir, mode: "normal", now: () => new Date() })
  : undefined;
await addFootprints(project, analysis.packages, usageLimits, { cache });
const result = {
  files: files.map((f) => f.path),
  skipped,
  filesParsed: analysis.filesParsed,
  deadFiles: analysis.deadFiles,
  blindSpots: analysis.blindSpots,
  packages: Object.fromEntries([...analysis.packages].sort(([a], [b]) => a.localeCompare(b))),
};
process.stdout.write(`${JSON.stringify(result, null, 1)}\n`);
