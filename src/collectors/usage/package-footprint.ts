import path from "node:path";
import type { AstNode } from "./ast.js";
import { extractImports } from "./extract-imports.js";
import {
  entryFile,
  importConditions,
  requireConditions,
  resolveImports,
  resolvePackageFile,
  typesFile,
} from "./package-entry.js";
import { exportSurface, type ProgramOf } from "./package-exports.js";
import { packageOfSpecifier } from "./package-of-specifier.js";
import { parseSource } from "./parse-source.js";
import type { ImportSite, PackageFootprint } from "./types.js";

/** An installed package as read from disk: its manifest and its code and declaration files. */
export interface InstalledPackage {
  manifest: Record<string, unknown>;
  /** Package-relative, `/`-separated path → text: every .js/.cjs/.mjs file and every declaration file. */
  files: ReadonlyMap<string, string>;
  /** What the reader left out (the file cap). */
  caveats: string[];
}

const jsFile = /\.[cm]?js$/;

/**
 * The pure core of the dependency side: which entries of `pkg` the project's
 * `sites` load, how many of its public exports they name, and which of its
 * files and packages those entries reach. Files over `maxParseBytes` count in
 * the totals but are not followed.
 */
export function measureFootprint(
  name: string,
  pkg: InstalledPackage,
  sites: readonly ImportSite[],
  maxParseBytes: number,
): PackageFootprint {
  const caveats = [...pkg.caveats];
  const programs = new Map<string, AstNode | null>();
  const programOf: ProgramOf = (file) => {
    if (programs.has(file)) return programs.get(file) ?? null;
    const text = pkg.files.get(file);
    let program: AstNode | null = null;
    if (text !== undefined && text.length <= maxParseBytes) {
      const parsed = parseSource(file, text);
      program = parsed.error ? null : ((parsed.programs[0] as unknown as AstNode) ?? null);
    } else if (text !== undefined) caveats.push(`${file} is too large to parse`);
    programs.set(file, program);
    return program;
  };
  const files = new Set(pkg.files.keys());
  const runtime = sites.filter((s) => !s.typeOnly);
  const entries = new Map<string, string | null>();
  for (const site of runtime) {
    const subpath = subpathOf(name, site.specifier);
    const conditions = site.kind.startsWith("require") ? requireConditions : importConditions;
    const file = entryFile(pkg.manifest, subpath, conditions, files);
    if (!entries.get(subpath)) entries.set(subpath, file);
  }
  const surface = apiUse(name, pkg.manifest, sites, programOf, files);
  const closure = runtime.length > 0 ? codeClosure(name, pkg, entries, programOf, caveats) : null;
  if (runtime.length === 0) caveats.push("used for types only: no code is loaded");
  const resolved = runtime.find((s) => s.kind === "require-resolve");
  // A resolved path may be read as a file or handed to a worker: the code it reaches is a guess.
  if (resolved) caveats.push(`resolved as a path at ${resolved.file}:${resolved.line}`);
  const footprint: PackageFootprint = {
    status: "ok",
    version: typeof pkg.manifest.version === "string" ? pkg.manifest.version : null,
    entries: [...entries].map(([subpath, file]) => ({ subpath, file })),
    exports: surface.exports,
    code: closure?.code ?? null,
    dependencies: closure
      ? {
          reached: closure.packages,
          declared: Object.keys(record(pkg.manifest.dependencies)).sort(),
        }
      : null,
    caveats: [...new Set([...caveats, ...surface.caveats])],
  };
  if (surface.unknown) footprint.exportsUnknown = surface.unknown;
  return footprint;
}

/** `lodash/get` → `./get`; the bare name (or a site without its specifier) → `.`. */
export function subpathOf(name: string, specifier: string | undefined): string {
  if (!specifier || specifier === name) return ".";
  return `./${specifier.slice(name.length + 1).replace(/[?#].*$/, "")}`;
}

interface ApiUse {
  exports: PackageFootprint["exports"];
  unknown: string | null;
  caveats: string[];
}

/**
 * Used public exports ÷ public exports of the root entry (its JS and its
 * declarations together, since types are API too). A deep import (`x/get`)
 * uses the root export of that name, or else counts as one more export of its
 * own. A namespace or a default object used whole leaves the fraction unknown.
 */
function apiUse(
  name: string,
  manifest: Record<string, unknown>,
  sites: readonly ImportSite[],
  programOf: ProgramOf,
  files: ReadonlySet<string>,
): ApiUse {
  const roots = [
    entryFile(manifest, ".", importConditions, files),
    entryFile(manifest, ".", requireConditions, files),
    typesFile(manifest, files),
  ].filter((f): f is string => f !== null);
  if (roots.length === 0)
    return { exports: null, unknown: "no root entry to count exports from", caveats: [] };
  const names = new Set<string>();
  const caveats: string[] = [];
  for (const root of new Set(roots)) {
    const surface = exportSurface(root, programOf, files);
    for (const n of surface.names) names.add(n);
    caveats.push(...surface.caveats);
  }
  const used = new Set<string>();
  const deep = new Set<string>();
  const missing = new Set<string>();
  for (const site of sites) {
    const subpath = subpathOf(name, site.specifier);
    if (subpath !== ".") {
      const last = path.posix.basename(subpath).replace(/\.[cm]?js$/, "");
      if (names.has(last)) used.add(last);
      else deep.add(subpath);
      continue;
    }
    if (site.kind === "require-resolve")
      return unknown(
        `resolved as a file path at ${site.file}:${site.line}: what is read from it is unknown`,
        caveats,
      );
    for (const symbol of site.symbols) {
      if (symbol === "*")
        return unknown(`the whole namespace is used at ${site.file}:${site.line}`, caveats);
      if (names.has(symbol)) used.add(symbol);
      else if (symbol === "default")
        return unknown(
          `the module object is used whole, with no member access, at ${site.file}:${site.line}`,
          caveats,
        );
      else missing.add(symbol);
    }
  }
  if (missing.size > 0 && used.size === 0 && deep.size === 0)
    return unknown(
      `it exports ${[...names].slice(0, 3).join(", ") || "nothing jenga can name"}, not the members used (${[...missing].slice(0, 3).join(", ")})`,
      caveats,
    );
  if (missing.size > 0) caveats.push(`members not among its exports: ${[...missing].join(", ")}`);
  return {
    exports: {
      used: [...used, ...deep].sort(),
      total: names.size + deep.size,
      names: names.size,
    },
    unknown: null,
    caveats,
  };
}

function unknown(reason: string, caveats: string[]): ApiUse {
  return { exports: null, unknown: reason, caveats };
}

/**
 * Follows relative imports and requires (and `#imports`) from the used entries
 * through the package's own files; bare specifiers reached are the packages
 * this use pulls in. Dynamic imports count: they load on some path.
 */
function codeClosure(
  name: string,
  pkg: InstalledPackage,
  entries: ReadonlyMap<string, string | null>,
  programOf: ProgramOf,
  caveats: string[],
): { code: NonNullable<PackageFootprint["code"]>; packages: string[] } {
  const files = new Set(pkg.files.keys());
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = [...entries.values()].filter((f): f is string => f !== null);
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const program = programOf(file);
    if (!program) continue;
    const found = extractImports(program, false);
    for (const c of found.computed) caveats.push(`${file}:${c.line} imports a computed path`);
    for (const raw of found.imports) {
      if (raw.typeOnly) continue;
      const target = internalTarget(raw.specifier, file, pkg.manifest, files);
      if (target) {
        if (!seen.has(target)) queue.push(target);
        continue;
      }
      const dependency = packageOfSpecifier(raw.specifier);
      if (dependency && dependency !== name) packages.add(dependency);
    }
  }
  const code = {
    usedFiles: 0,
    totalFiles: 0,
    usedBytes: 0,
    totalBytes: 0,
    usedLines: 0,
    totalLines: 0,
  };
  for (const [file, text] of pkg.files) {
    if (!jsFile.test(file)) continue;
    const bytes = Buffer.byteLength(text);
    const lines = lineCount(text);
    code.totalFiles++;
    code.totalBytes += bytes;
    code.totalLines += lines;
    if (!seen.has(file)) continue;
    code.usedFiles++;
    code.usedBytes += bytes;
    code.usedLines += lines;
  }
  return { code, packages: [...packages].sort() };
}

function internalTarget(
  specifier: string,
  from: string,
  manifest: Record<string, unknown>,
  files: ReadonlySet<string>,
): string | null {
  if (specifier.startsWith(".")) {
    return resolvePackageFile(path.posix.join(path.posix.dirname(from), specifier), files);
  }
  if (specifier.startsWith("#")) {
    const target = resolveImports(manifest.imports, specifier, requireConditions);
    return target?.startsWith("./") ? resolvePackageFile(target, files) : null;
  }
  return null;
}

function lineCount(text: string): number {
  if (text.length === 0) return 0;
  let lines = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < text.length - 1; i = text.indexOf("\n", i + 1))
    lines++;
  return lines;
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
