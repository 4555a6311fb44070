/**
 * The pure twin of the tarball download: a package's `.tgz` bytes to the same
 * `InstalledPackage` that readInstalledPackage reads from node_modules, built
 * in memory; nothing is written to disk. The tarball is written by strangers:
 * the unpacked stream is cut at `maxPackageBytes` (a gzip bomb ends there),
 * only regular files are read (no links, devices or folders), and an entry
 * with an absolute path or a `..` segment is left out. As npm does, the first
 * path segment (`package/`, whatever its name) is stripped.
 */
import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import type { ReadEntry } from "tar";
import type { UsageLimits } from "./limits.js";
import type { InstalledPackage } from "./package-footprint.js";
import { isShippedFile } from "./read-installed-package.js";

export type TarballRead = { ok: true; pkg: InstalledPackage } | { ok: false; problem: string };

const GZIP_MAGIC = [0x1f, 0x8b];
/** The entry types that are plain file contents (`OldFile` is a pre-POSIX regular file). */
const REGULAR: ReadonlySet<string> = new Set(["File", "OldFile", "ContiguousFile"]);

export async function readTarballPackage(
  gzipped: Uint8Array,
  limits: UsageLimits,
): Promise<TarballRead> {
  if (!startsWith(gzipped, GZIP_MAGIC)) return { ok: false, problem: "not a gzip file" };
  const reader = new EntryReader(limits);
  // Loaded here: only a project without node_modules reads tarballs.
  const { Parser } = await import("tar");
  // brotli and zstd off: the input is plain tar by now, never to be sniffed and inflated again.
  const parser = new Parser({ strict: false, brotli: false, zstd: false });
  parser.on("entry", (entry: ReadEntry) => reader.take(entry));
  // Without strict, damage is a warning; an abort (a header that lies) still ends in an error event.
  parser.on("error", () =>
    reader.caveats.push("the tarball is damaged: the totals are a lower bound"),
  );
  let unpacked = 0;
  try {
    for await (const chunk of Readable.from([gzipped]).pipe(createGunzip())) {
      const bytes = chunk as Buffer;
      // A tar starts with a file name; gzip inside gzip would be inflated by the parser, uncapped.
      if (unpacked === 0 && startsWith(bytes, GZIP_MAGIC))
        return { ok: false, problem: "not a tar archive" };
      unpacked += bytes.length;
      if (unpacked > limits.maxPackageBytes) {
        reader.stop(`stopped at ${limits.maxPackageBytes} bytes: the totals are a lower bound`);
        return reader.result();
      }
      parser.write(bytes);
    }
  } catch {
    if (unpacked === 0) return { ok: false, problem: "not a gzip file" };
    reader.stop("the tarball is truncated: the totals are a lower bound");
    return reader.result();
  }
  parser.end();
  return reader.result();
}

/** Takes the entries the parser emits (synchronously, as their bytes arrive) and keeps the wanted files. */
class EntryReader {
  readonly files = new Map<string, string>();
  readonly caveats: string[] = [];
  private manifest: string | undefined;
  private entries = 0;
  private leftOut = 0;
  private full = false;
  private stopped = false;

  constructor(private readonly limits: UsageLimits) {}

  /** Past a cap or at damage: an entry still in flight would end with part of its bytes, so none is kept. */
  stop(caveat: string): void {
    if (!this.stopped) this.caveats.push(caveat);
    this.stopped = true;
  }

  take(entry: ReadEntry): void {
    this.entries++;
    if (this.stopped) {
      entry.resume();
      return;
    }
    const file = REGULAR.has(entry.type) ? packagePath(entry.path) : null;
    if (file === null) {
      if (entry.type !== "Directory") this.leftOut++;
      entry.resume();
      return;
    }
    if (!this.wanted(file)) {
      entry.resume();
      return;
    }
    const chunks: Buffer[] = [];
    entry.on("data", (chunk: Buffer) => chunks.push(chunk));
    entry.on("end", () => this.keep(file, Buffer.concat(chunks).toString("utf8")));
  }

  /** The files readInstalledPackage keeps: package.json and code or declarations outside node_modules, up to the file cap. */
  private wanted(file: string): boolean {
    const segments = file.split("/");
    if (segments.includes("node_modules") || segments.length - 1 > this.limits.maxDepth)
      return false;
    if (file === "package.json") return true;
    if (!isShippedFile(file)) return false;
    if (this.files.has(file) || this.files.size < this.limits.maxPackageFiles) return true;
    if (!this.full) {
      this.full = true;
      this.caveats.push(
        `stopped at ${this.limits.maxPackageFiles} files: the totals are a lower bound`,
      );
    }
    return false;
  }

  private keep(file: string, text: string): void {
    if (this.stopped) return;
    // A later entry with the same path replaces the earlier, as unpacking would.
    if (file === "package.json") this.manifest = text;
    else this.files.set(file, text);
  }

  result(): TarballRead {
    if (this.entries === 0) return { ok: false, problem: "not a tar archive" };
    const text = this.manifest;
    if (text === undefined) return { ok: false, problem: "no package.json in the tarball" };
    let manifest: unknown;
    try {
      manifest = JSON.parse(text);
    } catch {
      manifest = null;
    }
    if (!manifest || typeof manifest !== "object" || Array.isArray(manifest))
      return { ok: false, problem: "its package.json does not parse" };
    if (this.leftOut > 0)
      this.caveats.push(`left out ${this.leftOut} tarball entries: links, devices or unsafe paths`);
    return {
      ok: true,
      pkg: {
        manifest: manifest as Record<string, unknown>,
        files: this.files,
        caveats: this.caveats,
      },
    };
  }
}

/**
 * The package-relative path of a tarball entry, or null for one that must not
 * be trusted: absolute, with a drive letter or a backslash, or with a `..`
 * segment. The first segment is the tarball's top folder and is dropped.
 */
export function packagePath(raw: string): string | null {
  if (raw.startsWith("/") || /^[A-Za-z]:/.test(raw) || raw.includes("\\")) return null;
  const segments = raw.split("/").filter((s) => s !== "" && s !== ".");
  if (segments.includes("..") || segments.length < 2) return null;
  return segments.slice(1).join("/");
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}
