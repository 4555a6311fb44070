import {
  closeSync,
  type Dirent,
  existsSync,
  fstatSync,
  openSync,
  readdirSync,
  readSync,
} from "node:fs";
import { readFile, realpath } from "node:fs/promises";
import path from "node:path";
import { isValidPackageName } from "../../util/package-name.js";
import { declarationEntry, typesPackageName } from "./declared-exports.js";
import type { UsageLimits } from "./limits.js";
import type { InstalledPackage } from "./package-footprint.js";

/**
 * The folder Node loads `name` from when `fromDir` imports it: the first
 * `node_modules/<name>` with a package.json walking up from `fromDir`, with
 * symlinks (pnpm, workspaces) resolved. Null when not installed, or for a name
 * that must not become a path.
 */
export async function findInstalled(fromDir: string, name: string): Promise<string | null> {
  if (!isValidPackageName(name)) return null;
  let dir = path.resolve(fromDir);
  for (;;) {
    const candidate = path.join(dir, "node_modules", name);
    if (existsSync(path.join(candidate, "package.json"))) return realpath(candidate);
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

const shipped = /\.([cm]?js|d\.[cm]?ts)$/;

/** The files a package's footprint is measured from: code and declarations. */
export function isShippedFile(name: string): boolean {
  return shipped.test(name);
}

/**
 * Reads an installed package: its package.json and every .js/.cjs/.mjs and
 * declaration file, skipping nested node_modules. Stops at the file cap and
 * the byte budget, saying so in `caveats`; null when package.json is unreadable.
 */
export async function readInstalledPackage(
  dir: string,
  limits: UsageLimits,
): Promise<InstalledPackage | null> {
  let manifest: unknown;
  try {
    manifest = JSON.parse(await readFile(path.join(dir, "package.json"), "utf8"));
  } catch {
    return null;
  }
  if (!manifest || typeof manifest !== "object" || Array.isArray(manifest)) return null;
  const files = new Map<string, string>();
  const caveats: string[] = [];
  let bytes = 0;
  const queue: [string, number][] = [["", 0]];
  walk: while (queue.length > 0) {
    const [rel, depth] = queue.pop() as [string, number];
    const entries = listFolder(path.join(dir, rel));
    const wanted: string[] = [];
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const child = rel === "" ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && depth < limits.maxDepth)
          queue.push([child, depth + 1]);
        continue;
      }
      if (entry.isFile() && shipped.test(entry.name)) wanted.push(child);
    }
    // Read synchronously: a package is tens to thousands of small files and folders, mostly
    // in the page cache, and fs/promises pays thread-pool round trips for each (open, stat,
    // read, close). On Kong/insomnia's 127 packages (18,600 files, 112 MB) that was 1.3–2.8 s,
    // readFileSync 0.4–0.7 s. The caller parses right after, synchronously, in any case.
    for (const child of wanted) {
      if (files.size >= limits.maxPackageFiles) {
        caveats.push(`stopped at ${limits.maxPackageFiles} files: the totals are a lower bound`);
        break walk;
      }
      // The size is checked before reading: a stranger's 450 MB file is never read to be refused.
      const text = readText(path.join(dir, child), limits.maxPackageBytes - bytes);
      if (text === null) continue;
      bytes += typeof text === "string" ? text.length : text.tooLarge;
      if (typeof text !== "string" || bytes > limits.maxPackageBytes) {
        caveats.push(`stopped at ${limits.maxPackageBytes} bytes: the totals are a lower bound`);
        break walk;
      }
      files.set(child, text);
    }
  }
  const pkg: InstalledPackage = { manifest: manifest as Record<string, unknown>, files, caveats };
  const typesPackage = await readTypesPackage(dir, pkg, limits);
  if (typesPackage) pkg.typesPackage = typesPackage;
  return pkg;
}

/**
 * The `@types/<name>` package Node's resolution would find from `dir`, for a
 * package that ships no declarations of its own: the only place its API is
 * written down when its code is a bundle. Small (declarations only), and read
 * only on a cold run, since the digest keeps what the checker made of it.
 */
async function readTypesPackage(
  dir: string,
  pkg: InstalledPackage,
  limits: UsageLimits,
): Promise<InstalledPackage | null> {
  const name = pkg.manifest.name;
  if (typeof name !== "string" || name.startsWith("@types/")) return null;
  if (declarationEntry(pkg.manifest, new Set(pkg.files.keys()))) return null;
  const found = await findInstalled(dir, typesPackageName(name));
  return found ? readInstalledPackage(found, limits) : null;
}

function listFolder(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** A file's text, or its size when that is over `maxBytes` (then it is not read); null when unreadable. */
function readText(file: string, maxBytes: number): string | { tooLarge: number } | null {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    return null;
  }
  try {
    // The same open, fstat, read, close as readFileSync, with the size looked at in between.
    const size = fstatSync(fd).size;
    if (size > maxBytes) return { tooLarge: size };
    const buffer = Buffer.allocUnsafe(size);
    let read = 0;
    for (let n = -1; read < size && n !== 0; read += n)
      n = readSync(fd, buffer, read, size - read, null);
    return buffer.toString("utf8", 0, read);
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}
