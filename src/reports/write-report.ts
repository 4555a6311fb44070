import { lstat, readdir, readFile, rm, rmdir } from "node:fs/promises";
import path from "node:path";
import pLimit from "p-limit";
import { runFolderPattern, runManifestName } from "./html/run-folder.js";
import { writeFiles } from "./write-files.js";
import type { RenderedFiles } from "./writers.js";

/**
 * Writes the HTML report all or nothing (see html/run-folder.ts): first the
 * run's folder, each file atomically; then the top-level files, `index.html`
 * last, each by an atomic rename, so until that rename the previous report is
 * whole and after it the new one is; then the previous runs' folders. Of
 * those, only the files their own list names are removed, and only folders
 * left empty: whatever else a user keeps in --out (a .gitkeep, screenshots)
 * stays.
 */
export async function writeReport(dir: string, files: RenderedFiles, trusted: string) {
  const inFolders: RenderedFiles = {};
  const top: [string, string][] = [];
  for (const [name, text] of Object.entries(files)) {
    if (name.includes("/")) inFolders[name] = text;
    else top.push([name, text]);
  }
  // The list first: a run folder cut short by a full disk is still one a later run removes.
  const lists = Object.keys(inFolders).filter((name) => name.endsWith(`/${runManifestName}`));
  const current = new Set(Object.keys(inFolders).map((name) => name.split("/")[0]));
  // The same result written again reuses its folder, which the index on disk links to.
  const fresh: string[] = [];
  for (const run of current) {
    if (run && !(await lstat(path.resolve(dir, run)).catch(() => null))) fresh.push(run);
  }
  // A folder this run creates is linked from nowhere until index.html: its files need no
  // temporary file and rename each (write-new-file.ts). One that exists is rewritten atomically.
  const options = { fresh: fresh.length === current.size };
  try {
    await writeFiles(
      dir,
      Object.fromEntries(lists.map((name) => [name, inFolders[name] ?? ""])),
      trusted,
      options,
    );
    for (const name of lists) delete inFolders[name];
    await writeFiles(dir, inFolders, trusted, options);
    top.sort(([a], [b]) => Number(a === "index.html") - Number(b === "index.html"));
    for (const [name, text] of top) await writeFiles(dir, { [name]: text }, trusted);
  } catch (error) {
    // Until index.html is renamed into place nothing links to this run's folder: a
    // run that fails (a full disk) takes back what it wrote, by its own list.
    for (const run of fresh) {
      await removeRun(path.resolve(dir, run)).catch(() => {});
      await rmdir(path.resolve(dir, run)).catch(() => {});
    }
    throw error;
  }
  await removePreviousRuns(path.resolve(dir), current);
}

async function removePreviousRuns(root: string, current: Set<string | undefined>) {
  for (const entry of await readdir(root, { withFileTypes: true })) {
    // A link is not a folder here, so nothing is removed through one.
    if (!entry.isDirectory() || current.has(entry.name) || !runFolderPattern.test(entry.name))
      continue;
    await removeRun(path.join(root, entry.name));
  }
}

/** As many removals in flight as writes (write-files.ts): enough to hide the file system's latency. */
const removeConcurrency = 32;

async function removeRun(folder: string) {
  const manifest = path.join(folder, runManifestName);
  const listed = await readFile(manifest, "utf8").catch(() => null);
  // Without its list, the folder is not one jenga wrote.
  if (listed === null) return;
  const folders = new Set<string>();
  const files: string[] = [];
  for (const name of listed.split("\n").filter(Boolean)) {
    const file = path.resolve(folder, name);
    if (!file.startsWith(folder + path.sep)) continue;
    files.push(file);
    for (let up = path.dirname(file); up !== folder; up = path.dirname(up)) folders.add(up);
  }
  // A thousand pages one after another spend most of their time waiting on each call.
  const limit = pLimit(removeConcurrency);
  await Promise.all(
    files.map((file) =>
      limit(async () => {
        const info = await lstat(file).catch(() => null);
        // Something else in a listed file's place (a folder, a link) is not jenga's.
        if (info?.isFile()) await rm(file, { force: true });
      }),
    ),
  );
  await removeAtomicTemps(folder, folders, listed);
  await rm(manifest, { force: true });
  const deepestFirst = [...folders].sort((a, b) => b.length - a.length);
  for (const empty of [...deepestFirst, folder]) await rmdir(empty).catch(() => undefined);
}

/**
 * A run killed while writing leaves write-file-atomic's `<file>.<n>` beside a
 * listed file; that temporary file is jenga's too, so it goes with its run.
 */
async function removeAtomicTemps(folder: string, folders: Set<string>, listed: string) {
  const names = new Set(
    listed
      .split("\n")
      .filter(Boolean)
      .map((name) => path.resolve(folder, name)),
  );
  for (const dir of [folder, ...folders]) {
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      const target = /^(.+)\.\d+$/.exec(name)?.[1];
      if (!target || !names.has(path.join(dir, target))) continue;
      const info = await lstat(path.join(dir, name)).catch(() => null);
      if (info?.isFile()) await rm(path.join(dir, name), { force: true }).catch(() => {});
    }
  }
}
