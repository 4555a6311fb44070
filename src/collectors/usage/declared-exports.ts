import { createRequire } from "node:module";
import path from "node:path";
import type * as TsMorph from "ts-morph";
import { entryFile, requireConditions, resolvePackageFile, typesFile } from "./package-entry.js";
import { bytesOf, type PackageTexts } from "./package-files.js";
import type { InstalledPackage } from "./package-footprint.js";

/**
 * A package's public API as its type declarations state it, read with the
 * TypeScript checker (through ts-morph) when the JS entry cannot name what the
 * project uses: a UMD bundle, a CommonJS module that assigns its API to an
 * object at run time, a default-exported object. Cached in the package digest.
 */
export interface DeclaredSurface {
  /** Where the declarations were read: `lib/index.d.ts`, or `@types/x@1.2.3 index.d.ts`. */
  source: string;
  /** The module's exports; under `export =`, the namespace's members and the properties of its value. */
  names: string[];
  /** The properties of the default (or `export =`) value's type; null when it has none to list. */
  defaultMembers: string[] | null;
  /** Why the names may be short or absent: too large, out of time, unreadable. */
  caveats: string[];
}

/**
 * Declarations larger than this are not handed to the checker. TypeScript parses
 * declarations at roughly 10 MB/s here; the @types packages of the common
 * libraries (node-forge, prettier) are 30–300 KB, and a set over 4 MB is a
 * platform's or a code generator's (aws-sdk v2), whose names jenga would only
 * count to say "a small part of a huge API".
 */
export const maxDeclarationBytes = 4 * 1024 * 1024;
/**
 * The checker's questions are cheap (~20–150 ms per package above), but a
 * stranger's types can make them expensive; past this budget the answer is
 * dropped. TypeScript runs synchronously, so the budget is checked between
 * steps (parse, list exports, list members): one step can overrun it.
 */
export const declarationTimeBudgetMs = 2_000;

const declaration = /\.d\.[cm]?ts$/;

/** The declaration entry a package ships for its root: `types`/`typings`/`exports` `types`, or an `index.d.ts` beside its main or at its root. */
export function declarationEntry(
  manifest: Record<string, unknown>,
  files: ReadonlySet<string>,
): string | null {
  const declared = typesFile(manifest, files);
  if (declared) return declared;
  const main = entryFile(manifest, ".", requireConditions, files);
  const beside = main ? path.posix.join(path.posix.dirname(main), "index") : "index";
  return resolvePackageFile(beside, files, true) ?? resolvePackageFile("index", files, true);
}

/** `@scope/x` → `@types/scope__x`, as DefinitelyTyped names them. */
export function typesPackageName(name: string): string {
  return `@types/${name.startsWith("@") ? name.slice(1).replace("/", "__") : name}`;
}

let loaded: { ts: typeof TsMorph.ts } | null = null;

/**
 * The TypeScript that ts-morph bundles (~12 MB of code), loaded on the first
 * question only, so runs that never ask pay nothing. Only its compiler API is
 * used, so it is taken from `@ts-morph/common`, resolved from ts-morph's own
 * folder as ts-morph itself loads it: ts-morph's 3 MB of wrappers would add
 * ~200 ms of compiling to every cold run. `require`, not `import()`: the
 * footprint measurement is synchronous, and both are CommonJS.
 */
export function loadTypeScript(): { ts: typeof TsMorph.ts } {
  if (!loaded) {
    const tsMorph = createRequire(import.meta.url).resolve("ts-morph");
    loaded = createRequire(tsMorph)("@ts-morph/common") as { ts: typeof TsMorph.ts };
  }
  return loaded;
}

/**
 * The declared surface of `name` from its own declarations, else from the
 * `@types` package installed beside it. Null when neither ships declarations.
 * Never throws: a file that does not parse, a cycle of `export *`, a set too
 * large or too slow to check gives empty names and a caveat saying why.
 */
export function declaredSurface(
  name: string,
  pkg: InstalledPackage,
  now: () => number = () => performance.now(),
): DeclaredSurface | null {
  const own = declarationEntry(pkg.manifest, new Set(pkg.files.keys()));
  const types = pkg.typesPackage;
  const typesEntry =
    !own && types ? declarationEntry(types.manifest, new Set(types.files.keys())) : null;
  if (!own && !typesEntry) return null;
  const from = own ? pkg : (types as InstalledPackage);
  const entry = (own ?? typesEntry) as string;
  const folder = own ? name : typesPackageName(name);
  const version = typeof from.manifest.version === "string" ? `@${from.manifest.version}` : "";
  const source = own ? entry : `${folder}${version} ${entry}`;
  const failed = (why: string) => ({ source, names: [], defaultMembers: null, caveats: [why] });
  let bytes = 0;
  for (const file of from.files.keys())
    if (declaration.test(file)) bytes += bytesOf(from.files, file) ?? 0;
  if (bytes > maxDeclarationBytes)
    return failed(`its type declarations (${source}) are too large to read (${bytes} bytes)`);
  try {
    return { source, ...checkDeclarations(name, folder, entry, from, now), caveats: [] };
  } catch (error) {
    const why = error instanceof OutOfTime ? "took too long" : "could not be read";
    return failed(`its type declarations (${source}) ${why}`);
  }
}

class OutOfTime extends Error {}

/**
 * Mounts the declaration files under `/node_modules/<folder>/` of an in-memory
 * file system (TypeScript reads nothing else: no lib files, no disk), so
 * relative `export *` chains resolve, and so does a module augmenting itself
 * (`declare module "iconv-lite"` inside iconv-lite's own index.d.ts).
 */
function checkDeclarations(
  name: string,
  folder: string,
  entry: string,
  pkg: InstalledPackage,
  now: () => number,
): Omit<DeclaredSurface, "source" | "caveats"> {
  // Loaded before the clock starts: the budget is the check's, and loading TypeScript in this
  // thread (a worker loads it before any question) took over 2 s on a loaded machine.
  const { ts } = loadTypeScript();
  const deadline = now() + declarationTimeBudgetMs;
  const step = () => {
    if (now() > deadline) throw new OutOfTime();
  };
  const root = `/node_modules/${folder}`;
  const files = mounted(root, pkg);
  const program = ts.createProgram({
    rootNames: [`${root}/${entry}`],
    options: {
      noLib: true,
      skipLibCheck: true,
      types: [],
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      target: ts.ScriptTarget.ESNext,
    },
    host: memoryHost(ts, files),
  });
  const sourceFile = program.getSourceFile(`${root}/${entry}`);
  // An entry that is not mounted (not a declaration file) is one that cannot be read.
  if (!sourceFile) throw new Error(`${entry} is not a declaration file`);
  step();
  const checker = program.getTypeChecker();
  // A script (no top-level import/export) declares its module by name: `declare module "x" { … }`.
  const moduleSymbol =
    checker.getSymbolAtLocation(sourceFile) ??
    checker.getAmbientModules().find((s) => s.getName() === JSON.stringify(name));
  if (!moduleSymbol) return { names: [], defaultMembers: null };
  // Under `export =`, the namespace merged with the value (its types, its functions).
  const exports = publicNames(checker.getExportsOfModule(moduleSymbol));
  step();
  const value = moduleSymbol.exports?.get("export=" as TsMorph.ts.__String);
  const exported = value ?? moduleSymbol.exports?.get("default" as TsMorph.ts.__String);
  let defaultMembers: string[] | null = null;
  if (exported) {
    const target =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    // A value's type (`declare const purify: DOMPurifyI`), else the declared type (`export default interface X`).
    const type =
      target.flags & ts.SymbolFlags.Value
        ? checker.getTypeOfSymbol(target)
        : checker.getDeclaredTypeOfSymbol(target);
    const members = publicNames(checker.getPropertiesOfType(type));
    defaultMembers = members.length > 0 ? members : null;
    step();
  }
  // Under `export =` the value's members are imported by name too (`import { sanitize }` in CommonJS interop).
  const names = value && defaultMembers ? [...new Set([...exports, ...defaultMembers])] : exports;
  return { names, defaultMembers };
}

/**
 * The package's declaration files and its package.json under `root`, each
 * read when TypeScript first asks for it: it reads the files the entry
 * references, often a small part of what a package ships.
 */
function mounted(root: string, pkg: InstalledPackage): Mounted {
  const manifest = JSON.stringify(pkg.manifest);
  const names = new Set([`${root}/package.json`]);
  for (const file of pkg.files.keys()) if (declaration.test(file)) names.add(`${root}/${file}`);
  const relative = (file: string) => file.slice(root.length + 1);
  return {
    keys: () => names.keys(),
    has: (file) => names.has(file),
    get: (file) => {
      if (!names.has(file)) return undefined;
      return file === `${root}/package.json` ? manifest : pkg.files.get(relative(file));
    },
  };
}

type Mounted = Pick<PackageTexts, "keys" | "has" | "get">;

/**
 * A compiler host over `files` alone. TypeScript's own program, not a ts-morph
 * Project: ts-morph parses every file with its JSDoc and parent links, which
 * were two thirds of the time on @types/lodash and change no export. JSDoc is
 * parsed as tsc parses it (only what type errors need): in declaration files
 * it declares no names.
 */
function memoryHost(ts: typeof TsMorph.ts, files: Mounted): TsMorph.ts.CompilerHost {
  const folders = new Set<string>();
  for (const file of files.keys())
    for (let dir = path.posix.dirname(file); dir !== "/"; dir = path.posix.dirname(dir))
      folders.add(dir);
  return {
    getSourceFile: (file, languageVersion) => {
      const text = files.get(file);
      return text === undefined ? undefined : ts.createSourceFile(file, text, languageVersion);
    },
    fileExists: (file) => files.has(file),
    readFile: (file) => files.get(file),
    directoryExists: (dir) => dir === "/" || folders.has(dir),
    getDirectories: () => [],
    realpath: (file) => file,
    getDefaultLibFileName: () => "/lib.d.ts",
    writeFile: () => undefined,
    getCurrentDirectory: () => "/",
    getCanonicalFileName: (file) => file,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => "\n",
    jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeErrors,
  };
}

/** Distinct names, without the `prototype` every class value has and the markers compilers add. */
function publicNames(symbols: readonly TsMorph.ts.Symbol[]): string[] {
  const names = new Set(symbols.map((s) => s.getName()));
  for (const marker of ["prototype", "export=", "__esModule"]) names.delete(marker);
  return [...names];
}

/** What the project's root symbols use of `surface`, and the caveats that come with it. */
export interface DeclaredUse {
  /** The public names the fraction is counted against; null when the declarations name none of the symbols either. */
  names: ReadonlySet<string> | null;
  caveats: string[];
}

/**
 * The surface to count `symbols` against once the JS entry's `jsNames` missed
 * some. When every symbol is a member of the default (or `export =`) value,
 * the project uses that object (`DOMPurify.sanitize`), and its members are the
 * API; otherwise the module's declared exports join the JS ones. `allowMembers`
 * is false when deep imports also count against the root names.
 */
export function declaredUse(
  surface: DeclaredSurface,
  jsNames: ReadonlySet<string>,
  symbols: ReadonlySet<string>,
  allowMembers: boolean,
): DeclaredUse {
  const caveats = [...surface.caveats];
  const members = surface.defaultMembers;
  if (allowMembers && members && symbols.size > 0 && [...symbols].every((s) => members.includes(s)))
    return {
      names: new Set(members),
      caveats: [
        ...caveats,
        `exports counted from its type declarations (${surface.source}): the members of its default export`,
      ],
    };
  const names = new Set([...jsNames, ...surface.names]);
  const before = [...symbols].filter((s) => jsNames.has(s)).length;
  const after = [...symbols].filter((s) => names.has(s)).length;
  if (after === before) return { names: null, caveats };
  return {
    names,
    caveats: [...caveats, `exports counted from its type declarations (${surface.source})`],
  };
}
