import { mkdir } from "node:fs/promises";
import path from "node:path";
import pLimit from "p-limit";
import writeFileAtomic from "write-file-atomic";
import { refuseLinks } from "./refuse-links.js";
import type { RenderedFiles } from "./writers.js";

/** Enough parallel writes to hide file-system latency, few enough to stay far below fd limits. */
const writeConcurrency = 32;

/**
 * Writes rendered files atomically (a reader never sees half a file), in
 * parallel, creating subfolders (the HTML report's `packages/`). A relative
 * path that would leave `dir` is refused: writers name files from untrusted
 * package names, and this is the last line of defence. So is a symbolic link
 * anywhere below `trusted` (see refuse-links.ts).
 */
export async function writeFiles(
  dir: string,
  files: RenderedFiles,
  trusted = path.dirname(path.resolve(dir)),
): Promise<string[]> {
  const root = path.resolve(dir);
  const targets = Object.keys(files).map((name) => {
    const file = path.resolve(root, name);
    if (!file.startsWith(root + path.sep))
      throw new Error(`refusing to write outside ${dir}: ${name}`);
    return file;
  });
  await refuseLinks(trusted, root);
  await mkdir(root, { recursive: true });
  for (const folder of new Set(targets.map((file) => path.dirname(file)))) {
    await refuseLinks(root, folder);
    await mkdir(folder, { recursive: true });
  }
  const limit = pLimit(writeConcurrency);
  // write-file-atomic resolves links to write their target: each file must not be one.
  await Promise.all(targets.map((file) => limit(() => refuseLinks(path.dirname(file), file))));
  const contents = Object.values(files);
  await Promise.all(
    targets.map((file, i) => limit(() => writeFileAtomic(file, contents[i] ?? ""))),
  );
  return targets;
}

/** One file at an exact path (`--json FILE`, `--markdown FILE`), never through a link below `trusted`. */
export async function writeFileAt(
  file: string,
  content: string,
  trusted = path.dirname(file),
): Promise<void> {
  await refuseLinks(trusted, file);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, content);
}
