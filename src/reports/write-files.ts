import { mkdir } from "node:fs/promises";
import path from "node:path";
import pLimit from "p-limit";
import writeFileAtomic from "write-file-atomic";
import { OutputError } from "../errors.js";
import { refuseLinks } from "./refuse-links.js";
import { writeNewFile } from "./write-new-file.js";
import type { RenderedFiles } from "./writers.js";

/** Enough parallel writes to hide file-system latency, few enough to stay far below fd limits. */
const writeConcurrency = 32;

/**
 * Writes rendered files atomically (a reader never sees half a file), in
 * parallel, creating subfolders (the HTML report's `packages/`). A relative
 * path that would leave `dir` is refused: writers name files from untrusted
 * package names, and this is the last line of defence. So is a symbolic link
 * anywhere below `trusted` (see refuse-links.ts). `fresh`: `dir` is a folder
 * this run creates and nothing links to yet (a report's run folder), so each
 * file is created exclusively instead of atomically (see write-new-file.ts).
 */
export async function writeFiles(
  dir: string,
  files: RenderedFiles,
  trusted = path.dirname(path.resolve(dir)),
  { fresh = false } = {},
): Promise<string[]> {
  const root = path.resolve(dir);
  const targets = Object.keys(files).map((name) => {
    const file = path.resolve(root, name);
    if (!file.startsWith(root + path.sep))
      throw new Error(`refusing to write outside ${dir}: ${name}`);
    return file;
  });
  await refuseLinks(trusted, root);
  await failsAsOutput(root, mkdir(root, { recursive: true }));
  for (const folder of new Set(targets.map((file) => path.dirname(file)))) {
    await refuseLinks(root, folder);
    await failsAsOutput(folder, mkdir(folder, { recursive: true }));
  }
  const limit = pLimit(writeConcurrency);
  // write-file-atomic resolves links to write their target: each file must not be one.
  // An exclusive create refuses whatever is in the file's place, a link included.
  if (!fresh)
    await Promise.all(targets.map((file) => limit(() => refuseLinks(path.dirname(file), file))));
  const write = fresh ? writeNewFile : writeFileAtomic;
  const contents = Object.values(files);
  // Every write settles before a failure is reported, so a caller that takes back
  // what it wrote (a report cut short by a full disk) is not raced by writes in flight.
  const settled = await Promise.allSettled(
    targets.map((file, i) => limit(() => failsAsOutput(file, write(file, contents[i] ?? "")))),
  );
  const failure = settled.find((outcome) => outcome.status === "rejected");
  if (failure) throw failure.reason;
  return targets;
}

/** One file at an exact path (`--json FILE`, `--markdown FILE`), never through a link below `trusted`. */
export async function writeFileAt(
  file: string,
  content: string,
  trusted = path.dirname(file),
): Promise<void> {
  await refuseLinks(trusted, file);
  await failsAsOutput(path.dirname(file), mkdir(path.dirname(file), { recursive: true }));
  await failsAsOutput(file, writeFileAtomic(file, content));
}

/**
 * A file system's refusal (a full disk, a read-only folder, a quota) is the
 * user's to fix, so it names the path, in one line, instead of surfacing as an
 * internal error. write-file-atomic removes its temporary file when it fails.
 */
async function failsAsOutput<T>(file: string, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (typeof code !== "string") throw error;
    throw new OutputError(
      file,
      `cannot write: ${WRITE_FAILURES[code] ?? code}`,
      undefined,
      WRITE_HINT,
    );
  }
}

const WRITE_FAILURES: Record<string, string> = {
  ENOSPC: "no space left on the device (ENOSPC)",
  EDQUOT: "disk quota exceeded (EDQUOT)",
  EACCES: "permission denied (EACCES)",
  EPERM: "operation not permitted (EPERM)",
  EROFS: "read-only file system (EROFS)",
  ENOTDIR: "a part of the path is a file, not a folder (ENOTDIR)",
  EISDIR: "is a folder (EISDIR)",
  EEXIST: "something else is already in its place (EEXIST)",
  EIO: "input/output error (EIO)",
};

const WRITE_HINT =
  "Nothing of this run was left half-written; free some space or choose another output path.";
