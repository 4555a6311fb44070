import path from "node:path";
import { pushAll } from "../../util/extremes.js";
import type { AstNode } from "./ast.js";
import { buildSwitch } from "./build-switch.js";
import { type DeclaredSurface, declaredSurface, declaredUse } from "./declared-exports.js";
import { extractImports } from "./extract-imports.js";
import {
  entryFile,
  importConditions,
  requireConditions,
  resolveImports,
  resolvePackageFile,
  typesFile,
} from "./package-entry.js";
import { exportSurface, otherBuild } from "./package-exports.js";
import { bytesOf, lineCount, type PackageTexts } from "./package-files.js";
import { packageOfSpecifier } from "./package-of-specifier.js";
import { parseSource } from "./parse-source.js";
import type { ImportSite, PackageFootprint } from "./types.js";

/** An installed package as read from disk: its manifest and its code and declaration files. */
export interface InstalledPackage {
  manifest: Record<string, unknown>;
  /** Package-relative, `/`-separated path → text: every .js/.cjs/.mjs file and every declaration file. */
  files: PackageTexts;
  /** .js/.cjs/.mjs file → [bytes, lines], when the reader counted them; else they are counted from the texts. */
  sizes?: ReadonlyMap<string, [number, number]>;
  /** What the reader left out (the file cap). */
  caveats: string[];
  /** `@types/<name>` installed beside a package that ships no declarations of its own. */
  typesPackage?: InstalledPackage;
}

const jsFile = /\.[cm]?js$/;

/**
 * Everything `measureFootprint` reads from a package's texts, in a form that
 * needs no texts: sizes, the export surface of each root entry and the imports
 * of each module parsed so far. It depends only on the package's files, so it
 * is cached per installed `name@version`; modules no run has reached yet are
 * absent and filled in (from the texts) when a later project reaches them.
 */
export interface PackageDigest {
  /** Bump when the shape or the meaning of a digest changes: old cache entries are then ignored. */
  format: number;
  manifest: Record<string, unknown>;
  /** Every shipped file (code and declarations), package-relative. */
  files: string[];
  /** What the reader left out. */
  caveats: string[];
  /** .js/.cjs/.mjs file → [bytes, lines]. */
  sizes: Record<string, [number, number]>;
  /** Root entry → the names it exports, and the files on its way too large to parse. */
  surfaces: Record<string, { names: string[]; caveats: string[]; tooLarge: string[] }>;
  /** Module → its runtime imports and computed-import lines; `null`: unreadable; `"too-large"`. */
  modules: Record<string, DigestModule | null | "too-large">;
  /**
   * The root's public API read from its type declarations, asked only when the
   * JS surface misses a used member; absent until then, null: no declarations.
   */
  declared?: DeclaredSurface | null;
}

export interface DigestModule {
  imports: string[];
  computed: number[];
  /** A development/production build switch (build-switch.ts): its two specifiers. */
  builds?: [string, string];
}

export const digestFormat = 4;

/** Counts the costly work, so a test (or the bench) can tell a cached run from a fresh one. */
export interface FootprintCounters {
  /** Installed packages read from disk (every shipped file). */
  packagesRead: number;
  /** Package files parsed. */
  filesParsed: number;
  /** Footprints measured from a cached digest alone. */
  cacheHits: number;
  /** Packages whose type declarations were handed to the TypeScript checker. */
  declarationsChecked?: number;
}

/** A digest with nothing parsed yet: the sizes of every code file. */
export function emptyDigest(pkg: InstalledPackage): PackageDigest {
  const sizes: Record<string, [number, number]> = {};
  for (const file of pkg.files.keys()) {
    if (!jsFile.test(file)) continue;
    const known = pkg.sizes?.get(file);
    const text = known ? undefined : pkg.files.get(file);
    if (known) sizes[file] = known;
    else if (text !== undefined) sizes[file] = [Buffer.byteLength(text), lineCount(text)];
  }
  return {
    format: digestFormat,
    manifest: pkg.manifest,
    files: [...pkg.files.keys()],
    caveats: [...pkg.caveats],
    sizes,
    surfaces: {},
    modules: {},
  };
}

/** Thrown when a digest lacks a module and no texts were given to parse it. */
class NeedsTexts extends Error {}

/** Thrown when the declarations are to be asked elsewhere (a worker thread) and the digest lacks them. */
class NeedsDeclarations extends Error {}

/** What `measureWithDigest` answers when the type declarations must be asked first (see measure-loaded.ts). */
export const needsDeclarations = "needs-declarations";

/**
 * The digest seen by the measurement: answers from the digest when it can,
 * else parses from `texts` (recording the answer in the digest), else throws
 * `NeedsTexts`.
 */
class DigestView {
  readonly files: ReadonlySet<string>;
  changed = false;

  constructor(
    readonly digest: PackageDigest,
    private readonly texts: InstalledPackage | null,
    private readonly maxParseBytes: number,
    private readonly counters: FootprintCounters | undefined,
    private readonly deferDeclarations: boolean,
  ) {
    this.files = new Set(digest.files);
  }

  /**
   * Parses `file` afresh: syntax trees are many times their text, so none is
   * kept. What the closure needs from a code file is recorded at once, so a
   * root read for its exports is not parsed again when the closure reaches it.
   */
  private program(file: string, tooLarge: string[]): AstNode | null {
    if (!this.texts) throw new NeedsTexts();
    // The size first: a file too large to parse is not read either.
    const bytes = bytesOf(this.texts.files, file);
    if (bytes === undefined) return null;
    if (bytes > this.maxParseBytes) {
      tooLarge.push(file);
      return null;
    }
    const text = this.texts.files.get(file);
    if (text === undefined) return null;
    if (this.counters) this.counters.filesParsed++;
    const parsed = parseSource(file, text);
    const program = parsed.error ? null : ((parsed.programs[0] as unknown as AstNode) ?? null);
    if (program && jsFile.test(file) && this.digest.modules[file] === undefined) {
      const found = extractImports(program, false, true);
      const module: DigestModule = {
        imports: found.imports.filter((i) => !i.typeOnly).map((i) => i.specifier),
        computed: found.computed.map((c) => c.line),
      };
      const builds = buildSwitch(program);
      if (builds) module.builds = builds;
      this.digest.modules[file] = module;
      this.changed = true;
    }
    return program;
  }

  surface(root: string): PackageDigest["surfaces"][string] {
    const known = this.digest.surfaces[root];
    if (known) return known;
    const tooLarge: string[] = [];
    const surface = exportSurface(
      root,
      (file) => this.program(file, tooLarge),
      this.files,
      (file) => this.digest.sizes[file]?.[0],
    );
    const record = { names: [...surface.names], caveats: surface.caveats, tooLarge };
    this.digest.surfaces[root] = record;
    this.changed = true;
    return record;
  }

  declared(name: string): DeclaredSurface | null {
    if (this.digest.declared !== undefined) return this.digest.declared;
    if (!this.texts) throw new NeedsTexts();
    if (this.deferDeclarations) throw new NeedsDeclarations();
    const found = declaredSurface(name, this.texts);
    if (this.counters && found)
      this.counters.declarationsChecked = (this.counters.declarationsChecked ?? 0) + 1;
    this.digest.declared = found;
    this.changed = true;
    return found;
  }

  module(file: string): DigestModule | null | "too-large" {
    const known = this.digest.modules[file];
    if (known !== undefined) return known;
    const files = this.texts?.files;
    const bytes = files && bytesOf(files, file);
    const text = bytes !== undefined && bytes <= this.maxParseBytes ? files?.get(file) : undefined;
    if (text !== undefined && !mayImport(text)) {
      // Nothing to follow, and what a parse would say (no imports, or unparsable) means the
      // same to the closure: no parse, no tree.
      const none: DigestModule = { imports: [], computed: [] };
      this.digest.modules[file] = none;
      this.changed = true;
      return none;
    }
    const tooLarge: string[] = [];
    this.program(file, tooLarge);
    // Parsed: `program` recorded it. Else it is absent, unparsable or too large.
    const result = this.digest.modules[file] ?? (tooLarge.length > 0 ? "too-large" : null);
    this.digest.modules[file] = result;
    this.changed = true;
    return result;
  }
}

/**
 * False when `text` cannot hold an import, a re-export or a require, so parsing
 * it cannot add to the closure: every form extractImports reads is spelled with
 * one of these words (a require through createRequire names it), unless an
 * identifier is spelled with an escape (`\u0072equire`). About 7% of the package code
 * Kong/insomnia reaches (data tables, generated maps) skips the parse.
 */
function mayImport(text: string): boolean {
  return /\b(?:import|require|export)\b|createRequire|\\u/.test(text);
}

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
  counters?: FootprintCounters,
): PackageFootprint {
  const digest = emptyDigest(pkg);
  const measured = measureWithDigest(name, digest, sites, maxParseBytes, pkg, counters);
  return (measured as { footprint: PackageFootprint }).footprint;
}

/**
 * `measureFootprint` from a digest: with `texts` null, only what the digest
 * holds is used and the answer is null when it falls short (read the package
 * then). `changed` says the digest learned something worth storing again.
 * With `deferDeclarations`, a measurement that must ask the type declarations
 * stops there and answers `needsDeclarations`; what it parsed on the way stays
 * in the digest, so measuring again once `digest.declared` is set parses nothing twice.
 */
export function measureWithDigest(
  name: string,
  digest: PackageDigest,
  sites: readonly ImportSite[],
  maxParseBytes: number,
  texts: InstalledPackage | null,
  counters?: FootprintCounters,
  deferDeclarations = false,
): { footprint: PackageFootprint; changed: boolean } | typeof needsDeclarations | null {
  const view = new DigestView(digest, texts, maxParseBytes, counters, deferDeclarations);
  try {
    return { footprint: measure(name, view, sites), changed: view.changed };
  } catch (error) {
    if (error instanceof NeedsTexts) return null;
    if (error instanceof NeedsDeclarations) return needsDeclarations;
    throw error;
  }
}

function measure(name: string, view: DigestView, sites: readonly ImportSite[]): PackageFootprint {
  const { manifest } = view.digest;
  const caveats = [...view.digest.caveats];
  const files = view.files;
  const runtime = sites.filter((s) => !s.typeOnly);
  const entries = new Map<string, string | null>();
  for (const site of runtime) {
    const subpath = subpathOf(name, site.specifier);
    const conditions = site.kind.startsWith("require") ? requireConditions : importConditions;
    const file = entryFile(manifest, subpath, conditions, files);
    if (!entries.get(subpath)) entries.set(subpath, file);
  }
  const surface = apiUse(name, manifest, sites, view, caveats);
  const closure = runtime.length > 0 ? codeClosure(name, view, entries, caveats) : null;
  if (runtime.length === 0) caveats.push("used for types only: no code is loaded");
  const resolved = runtime.find((s) => s.kind === "require-resolve");
  // A resolved path may be read as a file or handed to a worker: the code it reaches is a guess.
  if (resolved) caveats.push(`resolved as a path at ${resolved.file}:${resolved.line}`);
  const footprint: PackageFootprint = {
    status: "ok",
    version: typeof manifest.version === "string" ? manifest.version : null,
    entries: [...entries].map(([subpath, file]) => ({ subpath, file })),
    exports: surface.exports,
    code: closure?.code ?? null,
    dependencies: closure
      ? {
          reached: closure.packages,
          declared: Object.keys(record(manifest.dependencies)).sort(),
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
 * When the JS entry cannot name a used member (a UMD bundle, an object built
 * at run time), the type declarations are asked once (see declared-exports.ts).
 */
function apiUse(
  name: string,
  manifest: Record<string, unknown>,
  sites: readonly ImportSite[],
  view: DigestView,
  tooLargeCaveats: string[],
): ApiUse {
  const files = view.files;
  // The root the project loads, under the conditions it loads it with: a dual package's other
  // build states the same API, and parsing it too cost a third of zod's parse time.
  const required = sites.some((s) => s.kind.startsWith("require"));
  const imported = sites.some((s) => !s.kind.startsWith("require"));
  const roots = [
    imported ? entryFile(manifest, ".", importConditions, files) : null,
    required ? entryFile(manifest, ".", requireConditions, files) : null,
    typesFile(manifest, files),
  ].filter((f): f is string => f !== null);
  if (roots.length === 0)
    return { exports: null, unknown: "no root entry to count exports from", caveats: [] };
  const names = new Set<string>();
  const caveats: string[] = [];
  for (const root of new Set(roots)) {
    const surface = view.surface(root);
    for (const n of surface.names) names.add(n);
    for (const file of surface.tooLarge) tooLargeCaveats.push(`${file} is too large to parse`);
    pushAll(caveats, surface.caveats);
  }
  const symbols = new Set<string>();
  const deepPaths = new Set<string>();
  for (const site of sites) {
    const subpath = subpathOf(name, site.specifier);
    if (subpath !== ".") {
      deepPaths.add(subpath);
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
      if (symbol === "default" && !names.has(symbol))
        return unknown(
          `the module object is used whole, with no member access, at ${site.file}:${site.line}`,
          caveats,
        );
      symbols.add(symbol);
    }
  }
  // The JS entry misses a member: ask the type declarations (a UMD bundle, a default object).
  let surface: ReadonlySet<string> = names;
  if ([...symbols].some((s) => exportsOf(s, names, containersOf(names)).length === 0)) {
    const declared = view.declared(name);
    if (declared) {
      const better = declaredUse(declared, names, symbols, deepPaths.size === 0);
      pushAll(caveats, better.caveats);
      if (better.names) surface = better.names;
    }
  }
  const used = new Set<string>();
  const deep = new Set<string>();
  const missing = new Set<string>();
  const containers = containersOf(surface);
  for (const symbol of symbols) {
    const found = exportsOf(symbol, surface, containers);
    if (found.length === 0) missing.add(symbol);
    for (const name of found) used.add(name);
  }
  // A deep import (`x/get`) uses the root export of that name, or counts as one more export.
  for (const subpath of deepPaths) {
    const last = path.posix.basename(subpath).replace(/\.[cm]?js$/, "");
    if (surface.has(last)) used.add(last);
    else deep.add(subpath);
  }
  // A namespace object is counted by its members, not as one more export of its own.
  const counted = [...surface].filter((n) => !containers.has(n));
  if (missing.size > 0 && used.size === 0 && deep.size === 0)
    return unknown(
      `it exports ${[...surface].slice(0, 3).join(", ") || "nothing jenga can name"}, not the members used (${[...missing].slice(0, 3).join(", ")})`,
      caveats,
    );
  if (missing.size > 0) caveats.push(`members not among its exports: ${[...missing].join(", ")}`);
  return {
    exports: {
      used: [...used, ...deep].sort(),
      total: counted.length + deep.size,
      names: counted.length,
    },
    unknown: null,
    caveats,
  };
}

/**
 * The exports a used symbol counts as: itself; for a namespace used whole
 * (`z` passed as a value), every member; for a member chain deeper than the
 * package's surface (`ns.fn.call`, `get.cache`), the longest known prefix.
 * Empty when no prefix is an export.
 */
function exportsOf(
  symbol: string,
  surface: ReadonlySet<string>,
  containers: ReadonlySet<string>,
): string[] {
  let name = symbol;
  while (!surface.has(name)) {
    const dot = name.lastIndexOf(".");
    if (dot < 0) return [];
    name = name.slice(0, dot);
  }
  if (!containers.has(name)) return [name];
  return [...surface].filter((n) => n.startsWith(`${name}.`) && !containers.has(n));
}

/** The namespace exports whose members the surface lists (`z` beside `z.object`). */
function containersOf(surface: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const name of surface) {
    for (let dot = name.indexOf("."); dot > 0; dot = name.indexOf(".", dot + 1))
      out.add(name.slice(0, dot));
  }
  return out;
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
  view: DigestView,
  entries: ReadonlyMap<string, string | null>,
  caveats: string[],
): { code: NonNullable<PackageFootprint["code"]>; packages: string[] } {
  const { files } = view;
  const { manifest } = view.digest;
  const seen = new Set<string>();
  // The build of a build switch that is counted as reached but not read (build-switch.ts).
  const counted = new Set<string>();
  const packages = new Set<string>();
  const queue = [...entries.values()].filter((f): f is string => f !== null);
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const found = view.module(file);
    if (found === "too-large") caveats.push(`${file} is too large to parse`);
    if (!found || found === "too-large") continue;
    for (const line of found.computed) caveats.push(`${file}:${line} imports a computed path`);
    const resolve = (specifier: string) => internalTarget(name, specifier, file, manifest, files);
    const bytes = (f: string) => view.digest.sizes[f]?.[0];
    const skipped = found.builds ? otherBuild(found.builds, resolve, bytes) : null;
    for (const specifier of found.imports) {
      const target = resolve(specifier);
      if (specifier === skipped) {
        if (target) counted.add(target);
        continue;
      }
      if (target) {
        if (!seen.has(target)) queue.push(target);
        continue;
      }
      const dependency = packageOfSpecifier(specifier);
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
  for (const [file, [bytes, lines]] of Object.entries(view.digest.sizes)) {
    code.totalFiles++;
    code.totalBytes += bytes;
    code.totalLines += lines;
    if (!seen.has(file) && !counted.has(file)) continue;
    code.usedFiles++;
    code.usedBytes += bytes;
    code.usedLines += lines;
  }
  return { code, packages: [...packages].sort() };
}

/**
 * The package's own file a specifier loads: a relative path, a `#import`, or
 * the package's own name (`require("react-dom")` in react-dom/client.js loads
 * react-dom's root entry, as Node resolves it from inside the package).
 */
function internalTarget(
  name: string,
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
  if (packageOfSpecifier(specifier) === name) {
    const esm = /\.mjs$/.test(from) || (manifest.type === "module" && /\.js$/.test(from));
    const conditions = esm ? importConditions : requireConditions;
    return entryFile(manifest, subpathOf(name, specifier), conditions, files);
  }
  return null;
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
