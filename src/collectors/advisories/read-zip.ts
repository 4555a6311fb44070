import yauzl, { type Entry, type ZipFile } from "yauzl";
import type { ExportLimits } from "./limits.js";

/**
 * Reads an OSV export zip in memory, entry by entry, with every cap of
 * ExportLimits checked against the central directory before a byte is
 * inflated, and again against the bytes actually inflated.
 */

export class UnsafeExportError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "UnsafeExportError";
  }
}

export interface ZipRecords {
  /** The `.json` entries, checked. */
  entries: Entry[];
  read(entry: Entry): Promise<Buffer>;
  close(): void;
}

export async function openZipRecords(file: string, limits: ExportLimits): Promise<ZipRecords> {
  let zip: ZipFile;
  try {
    // strictFileNames off: `\` becomes `/`, so `..\..\evil.json` is caught as a relative path too.
    zip = await yauzl.openPromise(file, {
      lazyEntries: true,
      autoClose: false,
      decodeStrings: true,
      validateEntrySizes: true,
      strictFileNames: false,
    });
  } catch (error) {
    throw asZipError(error);
  }
  try {
    if (zip.entryCount > limits.maxEntries)
      throw new UnsafeExportError(
        `too many entries (${zip.entryCount}, limit ${limits.maxEntries})`,
      );
    const entries = await checkedEntries(zip, limits);
    return { entries, read: (entry) => readEntry(zip, entry, limits), close: () => zip.close() };
  } catch (error) {
    zip.close();
    throw asZipError(error);
  }
}

async function checkedEntries(zip: ZipFile, limits: ExportLimits): Promise<Entry[]> {
  const entries: Entry[] = [];
  let total = 0;
  for await (const entry of zip.eachEntry()) {
    if (entry.fileName.endsWith("/")) continue;
    if (entry.uncompressedSize > limits.maxRecordBytes)
      throw new UnsafeExportError(
        `an entry declares ${entry.uncompressedSize} bytes (limit ${limits.maxRecordBytes})`,
      );
    total += entry.uncompressedSize;
    if (total > limits.maxTotalBytes)
      throw new UnsafeExportError(`over ${limits.maxTotalBytes} bytes uncompressed`);
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > limits.ratioCheckAboveBytes && ratio > limits.maxCompressionRatio)
      throw new UnsafeExportError(
        `an entry is compressed ${Math.round(ratio)}:1 (limit ${limits.maxCompressionRatio}:1)`,
      );
    if (entry.fileName.endsWith(".json")) entries.push(entry);
  }
  return entries;
}

/** yauzl already refuses a stream longer than declared; the byte cap also covers a stored size of 0xFFFFFFFF. */
async function readEntry(zip: ZipFile, entry: Entry, limits: ExportLimits): Promise<Buffer> {
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limits.maxRecordBytes)
        throw new UnsafeExportError("an entry inflates past its limit");
      chunks.push(chunk);
    }
  } catch (error) {
    stream.destroy();
    throw asZipError(error);
  }
  return Buffer.concat(chunks);
}

/** yauzl's messages, mapped to short reasons that name no path from the archive. */
function asZipError(error: unknown): Error {
  if (error instanceof UnsafeExportError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/invalid relative path|absolute path|invalid characters in fileName/.test(message))
    return new UnsafeExportError("an entry name points outside the archive");
  if (/too many bytes|too few bytes/.test(message))
    return new UnsafeExportError("an entry inflates to a size other than declared");
  if (/end of central directory record signature not found/i.test(message))
    return new UnsafeExportError("not a zip file");
  return error instanceof Error ? error : new Error(message);
}
