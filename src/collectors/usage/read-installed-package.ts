import { type Dirent, existsSync, readdirSync } from "node:fs";
import { readFile, realpath } from "node:fs/promises";
import path from "node:path";
import { isValidPackageName } from "../../util/package-name.js";
import { declarationEntry, typesPackageName } from "./declared-exports.js";
import type { UsageLimits } from "./limits.js";
import { codeSize, FolderFiles } from "./package-files.js";
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
const declaration = /\.d\.[cm]?ts$/;

/** The files a package's footprint is measured from: code and declarations. */
export function isShippedFile(name: string): boolean {
  return shipped.test(name);
}

/**
 * Lists an installed package: its package.json and every .js/.cjs/.mjs and
 * declaration file, skipping nested node_modules. Code files are read once
 * here for their size in bytes and lines (the totals the used fraction is
 * taken of); every text is read again only when a measurement asks for it
 * (`FolderFiles`). Stops at the file cap and at the byte budget of code
 * read, saying so in `caveats`; null when package.json is unreadable.
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
  const names = new Set<string>();
  const sizes = new Map<string, [number, number]>();
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
      if (names.size >= limits.maxPackageFiles) {
        caveats.push(`stopped at ${limits.maxPackageFiles} files: the totals are a lower bound`);
        break walk;
      }
      // Declarations count in no total: they are listed, and read when the checker asks.
      if (declaration.test(child)) {
        names.add(child);
        continue;
      }
      // The size is checked before reading: a stranger's 450 MB file is never read to be refused.
      const size = codeSize(path.join(dir, child), limits.maxPackageBytes - bytes);
      if (size === null) continue;
      bytes += Array.isArray(size) ? size[0] : size.tooLarge;
      if (!Array.isArray(size) || bytes > limits.maxPackageBytes) {
        caveats.push(`stopped at ${limits.maxPackageBytes} bytes: the totals are a lower bound`);
        break walk;
      }
      names.add(child);
      sizes.set(child, size);
    }
  }
  const byteSizes = new Map([...sizes].map(([file, [size]]) => [file, size]));
  const files = new FolderFiles(dir, names, limits.maxPackageBytes, byteSizes);
  const pkg: InstalledPackage = {
    manifest: manifest as Record<string, unknown>,
    files,
    caveats,
    sizes,
  };
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
