import { mkdir } from "node:fs/promises";
import path from "node:path";
import writeFileAtomic from "write-file-atomic";
import type { RenderedFiles } from "./writers.js";

/** Writes rendered files atomically: a reader never sees half a report. */
export async function writeFiles(dir: string, files: RenderedFiles): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    await writeFileAtomic(file, content);
    written.push(file);
  }
  return written;
}

/** One file at an exact path (`--json FILE`, `--markdown FILE`). */
export async function writeFileAt(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, content);
}
