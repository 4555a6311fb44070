import { mkdir } from "node:fs/promises";
import path from "node:path";
import pLimit from "p-limit";
import writeFileAtomic from "write-file-atomic";
import type { RenderedFiles } from "./writers.js";

/** Enough parallel writes to hide file-system latency, few enough to stay far below fd limits. */
const writeConcurrency = 32;

/**
 * Writes rendered files atomically (a reader never sees half a file), in
 * parallel, creating subfolders (the HTML report's `packages/`). A relative
 * path that would leave `dir` is refused: writers name files from untrusted
 * package names, and this is the last line of defence.
 */
export async function writeFiles(dir: string, files: RenderedFiles): Promise<string[]> {
  const root = path.resolve(dir);
  const targets = Object.keys(files).map((name) => {
    const file = path.resolve(root, name);
    if (!file.startsWith(root + path.sep))
      throw new Error(`refusing to write outside ${dir}: ${name}`);
    return file;
  });
  await mkdir(root, { recursive: true });
  for (const folder of new Set(targets.map((file) => path.dirname(file)))) {
    await mkdir(folder, { recursive: true });
  }
  const limit = pLimit(writeConcurrency);
  const contents = Object.values(files);
  await Promise.all(
    targets.map((file, i) => limit(() => writeFileAtomic(file, contents[i] ?? ""))),
  );
  return targets;
}

/** One file at an exact path (`--json FILE`, `--markdown FILE`). */
export async function writeFileAt(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, content);
}
