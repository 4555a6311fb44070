// Computes each labelled package's GitEvidence with jenga's own history reader
// (.build/collectors/git/git-log.js, the code a real run uses) over a local
// snapshot of its repository, and stores it as fixtures/<package>/git.json.
//
//   node test/calibration/tools/collect-git.mjs <mirror-root> [name ...]
//
// <mirror-root> holds one bare repository per GitHub repository, at
// <mirror-root>/<owner>+<name>/repo (the layout of the snapshots we fetched).
// A package whose snapshot is missing gets no git.json: git is then
// "unavailable" for it, as it would be in a real run.
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readGitHistory } from "../../../.build/collectors/git/git-log.js";
import { normalizeRepositoryUrl } from "../../../.build/collectors/repository-url.js";
import { fixtureDir } from "../lib/fixtures.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const [mirrorRoot, ...only] = process.argv.slice(2);
if (!mirrorRoot) throw new Error("usage: collect-git.mjs <mirror-root> [name ...]");
const labels = JSON.parse(await readFile(path.join(here, "..", "labels.json"), "utf8"));

for (const record of labels.packages) {
  if (only.length > 0 && !only.includes(record.name)) continue;
  const { owner, repo, directory } = record.repository;
  const gitDir = path.join(mirrorRoot, `${owner}+${repo}`, "repo");
  if (!existsSync(path.join(gitDir, "HEAD"))) {
    console.log(`${record.name}: no snapshot, git stays unavailable`);
    continue;
  }
  const url = normalizeRepositoryUrl(`https://github.com/${owner}/${repo}`)?.url;
  const evidence = await readGitHistory(
    gitDir,
    { url, directory: directory ?? null },
    { env: { PATH: process.env.PATH, HOME: process.env.HOME }, timeoutMs: 600_000 },
  );
  // Emails are only needed to tell people apart while reading (done: authors are indexed, bots
  // flagged); they are personal data and some name registry hosts, so none is stored.
  evidence.authors = evidence.authors.map((a) => ({ ...a, email: "" }));
  const dir = fixtureDir(record.name);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "git.json"), `${JSON.stringify(evidence)}\n`);
  console.log(`${record.name}: ${summary(evidence)}`);
}

function summary(e) {
  const day = (t) => new Date(t * 1000).toISOString().slice(0, 10);
  const human = e.commitTimes.filter((_, i) => !e.authors[e.commitAuthors[i]]?.bot);
  return [
    `${e.commitTimes.length} commits`,
    `last human ${human.length ? day(Math.max(...human)) : "-"}`,
    `${e.authors.filter((a) => !a.bot).length} people`,
    `${e.tags.length} tags`,
    `${e.sourceFiles} source files, ${e.sourceBytes} bytes`,
  ].join(", ");
}
