import { writeFile } from "node:fs/promises";

/**
 * Creates a file that must not exist yet, in a folder nothing links to until the
 * run's index is renamed into place (write-report.ts): no reader can see it half
 * written, so the temporary file, rename, realpath and fsync of an atomic write
 * (five system calls and a disk flush per page, most of a warm run's writing)
 * buy nothing here. `wx` (O_CREAT | O_EXCL) also never follows a link planted
 * in the file's place: it fails on anything that already exists.
 */
export function writeNewFile(file: string, content: string): Promise<void> {
  return writeFile(file, content, { flag: "wx" });
}
