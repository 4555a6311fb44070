import { closeSync, fstatSync, openSync, readSync, statSync } from "node:fs";
import path from "node:path";

/**
 * A package's code and declaration files by package-relative, `/`-separated
 * path: every name, and a file's text when it is asked for. A `Map` of texts
 * is one (a tarball read in memory, a test's fixture); `FolderFiles` is the
 * other, reading an installed package's files from disk on demand.
 */
export interface PackageTexts {
  readonly size: number;
  has(file: string): boolean;
  get(file: string): string | undefined;
  keys(): IterableIterator<string>;
}

/**
 * The files of an installed package, listed up front but read only when asked
 * for: a measurement parses a few hundred of a package's files at most, and
 * date-fns alone ships 5,000 (35 MB). Reading and decoding them all was a
 * third of the dependency side's time on the bench's fixture. A text is kept
 * once read, since the closure and the export surface may both ask for it.
 */
export class FolderFiles implements PackageTexts {
  private readonly texts = new Map<string, string | null>();
  private readonly sizes: Map<string, number>;

  /**
   * `bytes` holds the sizes the lister already knows (the code files it read
   * to count lines); `maxBytes` is the largest file ever read, checked before
   * reading, so a stranger's 450 MB file is never loaded.
   */
  constructor(
    readonly dir: string,
    readonly names: ReadonlySet<string>,
    readonly maxBytes: number,
    bytes: ReadonlyMap<string, number> = new Map(),
  ) {
    this.sizes = new Map(bytes);
  }

  get size(): number {
    return this.names.size;
  }

  has(file: string): boolean {
    return this.names.has(file);
  }

  keys(): IterableIterator<string> {
    return this.names.keys();
  }

  /** The file's size in bytes, from the listing or a stat; undefined when not listed or gone. */
  bytes(file: string): number | undefined {
    if (!this.names.has(file)) return undefined;
    let size = this.sizes.get(file);
    if (size === undefined) {
      try {
        size = statSync(path.join(this.dir, file)).size;
      } catch {
        return undefined;
      }
      this.sizes.set(file, size);
    }
    return size;
  }

  get(file: string): string | undefined {
    if (!this.names.has(file)) return undefined;
    let text = this.texts.get(file);
    if (text === undefined) {
      const read = readText(path.join(this.dir, file), this.maxBytes);
      text = typeof read === "string" ? read : null;
      this.texts.set(file, text);
    }
    return text ?? undefined;
  }
}

/** A file's size without reading it when the files can tell (a folder), else its text's length. */
export function bytesOf(files: PackageTexts, file: string): number | undefined {
  return files instanceof FolderFiles ? files.bytes(file) : files.get(file)?.length;
}

type TooLarge = { tooLarge: number };

/**
 * Opens `file` and hands `read` its descriptor and size, unless the size is
 * over `maxBytes` (then nothing is read: a stranger's 450 MB file is never
 * loaded to be refused); null when the file cannot be opened or read.
 */
function withFile<T>(
  file: string,
  maxBytes: number,
  read: (fd: number, size: number) => T,
): T | TooLarge | null {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    return null;
  }
  try {
    const size = fstatSync(fd).size;
    return size > maxBytes ? { tooLarge: size } : read(fd, size);
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** A file's text, or its size when that is over `maxBytes` (then it is not read); null when unreadable. */
export function readText(file: string, maxBytes: number): string | TooLarge | null {
  // The same open, fstat, read, close as readFileSync, with the size looked at in between.
  return withFile(file, maxBytes, (fd, size) => {
    const buffer = Buffer.allocUnsafe(size);
    let read = 0;
    for (let n = -1; read < size && n !== 0; read += n)
      n = readSync(fd, buffer, read, size - read, null);
    return buffer.toString("utf8", 0, read);
  });
}

/** Reused by `codeSize`: a package's code is thousands of files, each read only to be counted. */
const scratch = Buffer.allocUnsafe(256 * 1024);

/**
 * A file's size in bytes and lines, read through one reused buffer, so that
 * counting a package's thousands of code files allocates nothing; its size
 * when that is over `maxBytes` (then it is not read); null when unreadable.
 */
export function codeSize(file: string, maxBytes: number): [number, number] | TooLarge | null {
  return withFile(file, maxBytes, (fd, size): [number, number] => {
    let bytes = 0;
    let newlines = 0;
    let last = -1;
    // To the size it had when opened: a file that grows meanwhile is not read on and on.
    for (let n = -1; bytes < size && n !== 0; bytes += n) {
      n = readSync(fd, scratch, 0, Math.min(scratch.length, size - bytes), null);
      const view = scratch.subarray(0, n);
      for (let i = view.indexOf(10); i >= 0; i = view.indexOf(10, i + 1)) newlines++;
      if (n > 0) last = view[n - 1] as number;
    }
    // As lineCount: a final newline does not start one more line.
    return [bytes, bytes === 0 ? 0 : newlines + (last === 10 ? 0 : 1)];
  });
}

/** Lines as an editor counts them: a final newline does not start one more. */
export function lineCount(text: string): number {
  if (text.length === 0) return 0;
  let lines = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < text.length - 1; i = text.indexOf("\n", i + 1))
    lines++;
  return lines;
}
