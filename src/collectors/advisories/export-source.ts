import { opendir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Entry } from "yauzl";
import { defaultExportLimits, type ExportLimits } from "./limits.js";
import { npmPackageNames, parseOsvRecord } from "./parse-osv-record.js";
import { openZipRecords, UnsafeExportError, type ZipRecords } from "./read-zip.js";
import type { AdvisorySource, AdvisorySourceKind, OsvRecord, RecordsResult } from "./types.js";

/**
 * `--osv PATH`: an OSV export as osv.dev publishes it (a folder or zip of
 * `<ID>.json`, e.g. npm/all.zip) or a checkout of the GitHub advisory
 * database (`advisories/github-reviewed/YYYY/MM/GHSA-…/GHSA-….json`).
 *
 * The export is indexed by npm package name once, on the first lookup: each
 * record is read, parsed and dropped, and only its location is kept, so a
 * 100k-record export never sits in memory as text.
 */

type Location = { file: string } | { entry: Entry };

interface ExportIndex {
  kind: AdvisorySourceKind;
  byName: Map<string, Location[]>;
  read(location: Location): Promise<Buffer>;
  close(): void;
}

export function openOsvExport(
  exportPath: string,
  limits: ExportLimits = defaultExportLimits,
): AdvisorySource {
  let index: Promise<ExportIndex> | null = null;
  let kind: AdvisorySourceKind = "osv-export";
  const indexed = () => {
    index ??= buildIndex(exportPath, limits).then((built) => {
      kind = built.kind;
      return built;
    });
    return index;
  };
  return {
    /** Known once indexed: a GitHub advisory database checkout says so by its layout. */
    get kind() {
      return kind;
    },
    cacheable: false,
    async recordsFor(names) {
      let built: ExportIndex;
      try {
        built = await indexed();
      } catch (error) {
        return allFailed(names, exportStatus(error));
      }
      const results = new Map<string, RecordsResult>();
      for (const name of names) results.set(name, await lookup(built, name));
      return results;
    },
    async close() {
      if (index) (await index.catch(() => null))?.close();
    },
  };
}

async function lookup(index: ExportIndex, name: string): Promise<RecordsResult> {
  const records: OsvRecord[] = [];
  try {
    for (const location of index.byName.get(name) ?? []) {
      const record = parseOsvRecord(JSON.parse((await index.read(location)).toString("utf8")));
      if (record) records.push(record);
    }
  } catch (error) {
    return { ok: false, status: exportStatus(error) };
  }
  return { ok: true, records };
}

async function buildIndex(exportPath: string, limits: ExportLimits): Promise<ExportIndex> {
  const info = await stat(exportPath);
  if (info.isDirectory()) return indexDirectory(exportPath, limits);
  return indexZip(await openZipRecords(exportPath, limits));
}

async function indexZip(zip: ZipRecords): Promise<ExportIndex> {
  const byName = new Map<string, Location[]>();
  try {
    for (const entry of zip.entries) addRecord(byName, await zip.read(entry), { entry });
  } catch (error) {
    zip.close();
    throw error;
  }
  return {
    kind: "osv-export",
    byName,
    read: (location) =>
      "entry" in location ? zip.read(location.entry) : Promise.reject(new Error("not a zip entry")),
    close: () => zip.close(),
  };
}

/** The GitHub database's reviewed advisories; its `unreviewed/` tree is unvetted and left out. */
const githubReviewed = path.join("advisories", "github-reviewed");

async function indexDirectory(root: string, limits: ExportLimits): Promise<ExportIndex> {
  const reviewed = path.join(root, githubReviewed);
  const isGithub = (await stat(reviewed).catch(() => null))?.isDirectory() === true;
  const byName = new Map<string, Location[]>();
  const read = async (location: Location): Promise<Buffer> => {
    if (!("file" in location)) throw new Error("not a file");
    const size = (await stat(location.file)).size;
    if (size > limits.maxRecordBytes)
      throw new UnsafeExportError(`a record file has ${size} bytes`);
    return readFile(location.file);
  };
  for await (const file of jsonFiles(isGithub ? reviewed : root)) {
    // A record that does not parse is skipped, as osv.dev's own importer does: one bad file must not hide the rest.
    try {
      addRecord(byName, await read({ file }), { file });
    } catch (error) {
      if (error instanceof UnsafeExportError) throw error;
    }
  }
  return { kind: isGithub ? "github-advisory-database" : "osv-export", byName, read, close() {} };
}

/**
 * Every `.json` file under `dir`, walked with a stack of open directories.
 * Symbolic links are not followed: a link must not pull files from outside the export into it.
 */
async function* jsonFiles(dir: string): AsyncGenerator<string> {
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop() as string;
    for await (const dirent of await opendir(current)) {
      const full = path.join(current, dirent.name);
      if (dirent.isDirectory()) pending.push(full);
      else if (dirent.isFile() && dirent.name.endsWith(".json")) yield full;
    }
  }
}

function addRecord(byName: Map<string, Location[]>, bytes: Buffer, location: Location): void {
  let record: OsvRecord | null;
  try {
    record = parseOsvRecord(JSON.parse(bytes.toString("utf8")));
  } catch {
    return;
  }
  if (!record || record.withdrawn !== null) return;
  for (const name of npmPackageNames(record)) {
    const locations = byName.get(name) ?? [];
    locations.push(location);
    byName.set(name, locations);
  }
}

function allFailed(names: readonly string[], status: string): Map<string, RecordsResult> {
  return new Map(names.map((name) => [name, { ok: false, status }]));
}

/** Statuses name the problem, never the user's path (it would leak a machine's layout into shared reports). */
function exportStatus(error: unknown): string {
  if (error instanceof UnsafeExportError) return `unavailable: OSV export refused: ${error.reason}`;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ENOENT") return "unavailable: OSV export not found";
  if (typeof code === "string" && /^[A-Z0-9_]+$/.test(code))
    return `unavailable: OSV export unreadable (${code})`;
  return "unavailable: OSV export unreadable";
}
