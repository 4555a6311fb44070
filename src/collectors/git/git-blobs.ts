import { streamGit, streamGitBytes } from "./git-process.js";
import { isSourceFile } from "./source-files.js";

/**
 * HEAD's source files in a local clone, and what their contents hold. Every
 * command here is local: none can fetch (streamGit allows git no transport),
 * and contents are read only once the clone is known to hold all of them.
 */

export interface LocalGit {
  gitDir: string;
  env: Record<string, string | undefined>;
  timeoutMs: number;
}

export interface HeadEntry {
  /** As `git ls-tree` prints it (quoted when unusual). */
  path: string;
  type: string;
  oid: string;
}

/** Every entry of HEAD's tree under `directory` (or the whole tree): names and ids only, no blob read. */
export async function listHead(
  git: LocalGit,
  directory: string | null,
  onEntry: (entry: HeadEntry) => void,
): Promise<void> {
  const pathspec = directory ? ["--", directory] : [];
  // `<mode> <type> <object>\t<path>`: from the trees, which a blobless clone holds.
  await streamGit(["ls-tree", "-r", "HEAD", ...pathspec], {
    ...git,
    onLine: (line) => {
      const tab = line.indexOf("\t");
      if (tab < 0) return;
      const [, type = "", oid = ""] = line.slice(0, tab).split(" ");
      onEntry({ path: line.slice(tab + 1), type, oid });
    },
  });
}

/** Object ids of the source files (by extension) at HEAD under `directory`, one per file. */
export async function headSourceBlobs(git: LocalGit, directory: string | null): Promise<string[]> {
  const blobs: string[] = [];
  await listHead(git, directory, (entry) => {
    if (entry.type === "blob" && entry.oid && isSourceFile(entry.path)) blobs.push(entry.oid);
  });
  return blobs;
}

/**
 * Which of `blobs` the clone lacks. `rev-list --missing=print` walks HEAD's trees and
 * prints a missing object as `?<id>` instead of fetching it (unlike `cat-file`, which
 * would try a lazy fetch for each one on git before 2.44).
 */
export async function missingBlobs(git: LocalGit, blobs: string[]): Promise<Set<string>> {
  const wanted = new Set(blobs);
  const missing = new Set<string>();
  if (wanted.size === 0) return missing;
  await streamGit(["rev-list", "--objects", "--no-walk", "--missing=print", "HEAD"], {
    ...git,
    onLine: (line) => {
      if (line.startsWith("?") && wanted.has(line.slice(1))) missing.add(line.slice(1));
    },
  });
  return missing;
}

export interface SourceMeasure {
  bytes: number;
  /** Newlines, plus one for a last line without one. */
  lines: number;
}

/**
 * Total bytes and lines of `blobs` (one entry per file: the same contents twice count
 * twice), streamed through one `cat-file --batch`: contents pass through in chunks and
 * are counted, never kept. Null when the clone lacks any of them.
 */
export async function measureBlobs(git: LocalGit, blobs: string[]): Promise<SourceMeasure | null> {
  if (blobs.length === 0) return { bytes: 0, lines: 0 };
  if ((await missingBlobs(git, blobs)).size > 0) return null;
  const counter = new BatchCounter();
  await streamGitBytes(["cat-file", "--batch=%(objectsize)"], {
    ...git,
    stdin: `${blobs.join("\n")}\n`,
    onData: (chunk) => counter.write(chunk),
  });
  if (counter.objects !== blobs.length) throw new Error("cat-file ended early");
  return { bytes: counter.bytes, lines: counter.lines };
}

const LF = 0x0a;

/** Parses `cat-file --batch=%(objectsize)` output: `<size>\n<contents>\n` per object. */
export class BatchCounter {
  objects = 0;
  bytes = 0;
  lines = 0;
  private header = "";
  /** Content bytes still to come of the current object, then its separating newline. */
  private remaining = -1;
  private last = LF;

  write(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.remaining < 0) {
        const nl = chunk.indexOf(LF, at);
        if (nl < 0) {
          this.header += chunk.toString("latin1", at);
          return;
        }
        this.header += chunk.toString("latin1", at, nl);
        at = nl + 1;
        const size = Number(this.header);
        // `<id> missing` or anything else unexpected: the counts would be wrong.
        if (!/^\d+$/.test(this.header) || !Number.isSafeInteger(size))
          throw new Error(`unexpected cat-file output: ${this.header.slice(0, 60)}`);
        this.header = "";
        this.remaining = size;
        this.bytes += size;
        this.last = LF;
        continue;
      }
      if (this.remaining === 0) {
        // The newline git prints after each object's contents.
        if (this.last !== LF) this.lines++;
        this.remaining = -1;
        this.objects++;
        at++;
        continue;
      }
      const end = Math.min(chunk.length, at + this.remaining);
      for (let i = chunk.indexOf(LF, at); i >= 0 && i < end; i = chunk.indexOf(LF, i + 1))
        this.lines++;
      this.last = chunk[end - 1] ?? LF;
      this.remaining -= end - at;
      at = end;
    }
  }
}

/** README, README.md, readme.markdown, Readme.txt…: the names GitHub shows as a README. */
const readmeName = /^readme(\.(md|markdown|mdown|mkdn|txt|rst|adoc|org))?$/i;

/**
 * The README at HEAD: the package folder's own (a monorepo package), else the
 * repository root's. Names and ids only, from the trees a blobless clone holds.
 */
export async function headReadme(
  git: LocalGit,
  directory: string | null,
): Promise<HeadEntry | null> {
  const folders = directory ? [`${directory.replace(/\/+$/, "")}/`, ""] : [""];
  for (const folder of folders) {
    let found: HeadEntry | null = null;
    // Not recursive: the folder's own entries, with `path` relative to the repository root.
    await streamGit(["ls-tree", "HEAD", ...(folder ? ["--", folder] : [])], {
      ...git,
      onLine: (line) => {
        const tab = line.indexOf("\t");
        if (tab < 0 || found) return;
        const [, type = "", oid = ""] = line.slice(0, tab).split(" ");
        const entryPath = line.slice(tab + 1);
        const name = entryPath.slice(entryPath.lastIndexOf("/") + 1);
        if (type === "blob" && oid && readmeName.test(name)) found = { path: entryPath, type, oid };
      },
    });
    if (found) return found;
  }
  return null;
}

/** A README is read this far at most: notices sit at the top. */
const maxReadmeBytes = 256 * 1024;

/** The text of one blob the clone holds (never fetched here), cut at `maxReadmeBytes`; null when absent. */
export async function readBlobText(git: LocalGit, oid: string): Promise<string | null> {
  if ((await missingBlobs(git, [oid])).size > 0) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  await streamGitBytes(["cat-file", "--batch"], {
    ...git,
    stdin: `${oid}\n`,
    onData: (chunk) => {
      if (size >= maxReadmeBytes + 128) return;
      chunks.push(chunk);
      size += chunk.length;
    },
  });
  const raw = Buffer.concat(chunks);
  const header = raw.indexOf(0x0a);
  if (header < 0 || !/^[0-9a-f]+ blob \d+$/.test(raw.toString("latin1", 0, header))) return null;
  return raw.subarray(header + 1, header + 1 + maxReadmeBytes).toString("utf8");
}
