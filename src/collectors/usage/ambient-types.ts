import { isBuiltin } from "node:module";
import type { FileImports } from "./extract-imports.js";
import { packageOfSpecifier } from "./package-of-specifier.js";
import { parseSource } from "./parse-source.js";
import type { BlindSpot } from "./types.js";

export interface AmbientTypes {
  /** `@types` packages used for types: their package is imported (`@types/node`: a builtin). */
  used: Set<string>;
  /** `@types/x` → `x` where `x` ships its own declarations, which TypeScript takes first. */
  redundant: Map<string, string>;
  /** `@types` package → the workspaces of the files importing its package. */
  usedIn: Map<string, Set<string>>;
}

/** What the installed packages say about types (read-manifests.ts `readInstalled`). */
export interface TypesFacts {
  ownTypes?: ReadonlySet<string>;
  /** `@types` package → its entry's text; "" for a stub that holds no declaration file. */
  typesEntries?: ReadonlyMap<string, string>;
}

/**
 * TypeScript loads every `@types/*` package by itself (unless tsconfig lists
 * `types`), so a missing import proves nothing for a package that declares
 * globals (`@types/jest`'s `describe`). Each declared `@types/x` is:
 * - redundant when `x` ships its own types: an import of `x` resolves to them;
 * - used for types when `x` is imported (`@types/node`: any builtin);
 * - else a blind spot when its entry declares globals or cannot be read, and
 *   unused when it declares a module only (`export =`), which no import loads.
 * Spots are added to `spots`.
 */
export function ambientTypes(
  declared: ReadonlySet<string>,
  parsed: ReadonlyMap<string, FileImports>,
  spots: BlindSpot[],
  facts: TypesFacts,
  ownerOf: (file: string) => string,
): AmbientTypes {
  const out: AmbientTypes = { used: new Set(), redundant: new Map(), usedIn: new Map() };
  if (![...parsed.keys()].some((f) => /\.[cm]?tsx?$/.test(f))) return out;
  // Package (`node` for any builtin) → the workspaces of the files importing it, in one pass.
  const importedIn = new Map<string, Set<string>>();
  for (const [file, imports] of parsed) {
    for (const i of imports.imports) {
      const name = isBuiltin(i.specifier) ? "node" : packageOfSpecifier(i.specifier);
      if (name) importedIn.set(name, (importedIn.get(name) ?? new Set()).add(ownerOf(file)));
    }
  }
  for (const name of declared) {
    if (!name.startsWith("@types/")) continue;
    const typed = typedPackage(name);
    // Asked only when it decides something: @types/react's entry alone is 180 KB to parse.
    const mayDeclareGlobals = () => {
      const entry = facts.typesEntries?.get(name);
      // "" is a stub package with no declaration file: it declares nothing, globals included.
      return entry === undefined || (entry !== "" && declaresGlobals(entry) !== false);
    };
    if (typed !== "node" && facts.ownTypes?.has(typed)) {
      out.redundant.set(name, typed);
      if (mayDeclareGlobals()) spots.push(ambientSpot(name));
      continue;
    }
    const importers = importedIn.get(typed);
    if (importers) {
      out.used.add(name);
      out.usedIn.set(name, importers);
    } else if (mayDeclareGlobals()) spots.push(ambientSpot(name));
  }
  return out;
}

function ambientSpot(name: string): BlindSpot {
  return {
    file: "tsconfig.json",
    line: 0,
    kind: "ambient-types",
    detail: `TypeScript loads ${name} without an import`,
    candidates: [name],
  };
}

/** `@types/babel__core` → `@babel/core`, `@types/node` → `node`. */
export function typedPackage(typesName: string): string {
  const bare = typesName.slice("@types/".length);
  return bare.includes("__") ? `@${bare.replace("__", "/")}` : bare;
}

/**
 * Whether a declaration file adds globals: a module file (top-level import or
 * export) only through `declare global`; a script file through any top-level
 * declaration but `declare module "x"` (which takes an import of `x` to
 * matter). `export as namespace X` (a UMD global) does not count: TypeScript
 * rejects it from module files (error 2686) unless `allowUmdGlobalAccess` is
 * on, and application code is modules. Null when it cannot tell: the file does
 * not parse, or holds only `/// <reference>`s to other files.
 */
export function declaresGlobals(text: string): boolean | null {
  const { programs, error } = parseSource("index.d.ts", text);
  const body = (programs[0]?.program.body ?? []) as unknown as Array<Record<string, unknown>>;
  if (error || body.length === 0) return null;
  const isModule = body.some((n) => /^(Import|Export)|^TSExportAssignment$/.test(String(n.type)));
  if (isModule) return body.some((n) => n.type === "TSModuleDeclaration" && n.kind === "global");
  return body.some(
    (n) =>
      n.type !== "TSNamespaceExportDeclaration" &&
      !(n.type === "TSModuleDeclaration" && (n.id as { type?: string })?.type === "StringLiteral"),
  );
}
