/**
 * Caps on an OSV export, which is input from outside like any other: a zip
 * is read entry by entry in memory (never extracted to disk) and refused
 * whole when it looks like a zip bomb or names a path outside itself.
 */
export interface ExportLimits {
  /** Entries declared in the zip's central directory. */
  maxEntries: number;
  /** Uncompressed bytes of one record (zip entry or file). */
  maxRecordBytes: number;
  /** Uncompressed bytes of the whole zip, summed from the central directory before reading. */
  maxTotalBytes: number;
  /** Uncompressed / compressed size of one entry, checked for entries above `ratioCheckAboveBytes`. */
  maxCompressionRatio: number;
  ratioCheckAboveBytes: number;
}

const megabyte = 1024 * 1024;

export const defaultExportLimits: ExportLimits = {
  // osv.dev's npm/all.zip held about 200k records in 2025 (GHSA plus a fast-growing MAL-*
  // malicious-package feed); ten times that leaves years of growth and still bounds the scan.
  maxEntries: 2_000_000,
  // The largest npm records (long `versions` lists) are a few hundred KB; 8 MB is far above any real one.
  maxRecordBytes: 8 * megabyte,
  // all.zip for npm unpacks to well under 2 GB; 8 GB is a bomb, not an export.
  maxTotalBytes: 8 * 1024 * megabyte,
  // JSON deflates about 5-15:1; deflate's ceiling is ~1030:1, reached only by repetitive filler.
  maxCompressionRatio: 100,
  // Tiny entries can have silly ratios from header overhead alone; judge only entries of some size.
  ratioCheckAboveBytes: 64 * 1024,
};
