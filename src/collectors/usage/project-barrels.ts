import type { FileImports, RawImport } from "./extract-imports.js";

/** What the project asks of one of its files: some names, or everything (`null`). */
type Demand = Set<string> | null;

/**
 * The symbols the project really uses of a package it re-exports from its own
 * barrels: `export { get, chunk } from "lodash"` in `src/lib/index.ts`, with
 * only `get` imported from `./lib` anywhere, uses `get` alone — a symbol
 * re-exported but never used is not used. Demand flows from every import of a
 * project file, through the project's own re-exports (`export *`, `export { a
 * as b }`), down to the package re-exports. Public entry points are demanded
 * whole (whoever installs the package may use all of it); a barrel nothing
 * imports is left as written. Returns the narrowed symbols per re-export site.
 */
export function barrelSymbols(
  parsed: ReadonlyMap<string, FileImports>,
  resolveFile: (from: string, specifier: string) => string | null,
  entries: ReadonlySet<string>,
): Map<RawImport, Set<string>> {
  const demand = new Map<string, Demand>();
  const ask = (file: string, names: Demand): boolean => {
    const had = demand.get(file);
    if (had === null) return false;
    if (names === null) {
      demand.set(file, null);
      return true;
    }
    const set = had ?? new Set<string>();
    const size = set.size;
    for (const n of names) set.add(n);
    demand.set(file, set);
    return had === undefined || set.size > size;
  };
  for (const entry of entries) ask(entry, null);
  const targets = new Map<RawImport, string | null>();
  for (const [file, imports] of parsed) {
    for (const raw of imports.imports) {
      const target = resolveFile(file, raw.specifier);
      targets.set(raw, target);
      if (!target || raw.kind === "re-export") continue;
      ask(target, raw.symbols.has("*") ? null : raw.symbols);
    }
  }
  // Through the project's own re-exports, to a fixed point (each step only grows a set).
  let changed = true;
  while (changed) {
    changed = false;
    for (const [file, imports] of parsed) {
      const asked = demand.get(file);
      if (asked === undefined) continue;
      for (const raw of imports.imports) {
        const target = targets.get(raw);
        if (!target || raw.kind !== "re-export") continue;
        changed = ask(target, passedOn(raw, asked, named(imports))) || changed;
      }
    }
  }
  const narrowed = new Map<RawImport, Set<string>>();
  for (const [file, imports] of parsed) {
    const asked = demand.get(file);
    if (!asked) continue; // demanded whole, or nobody imports the barrel
    for (const raw of imports.imports) {
      if (raw.kind !== "re-export" || targets.get(raw)) continue;
      const names = passedOn(raw, asked, named(imports));
      if (names) narrowed.set(raw, names);
    }
  }
  return narrowed;
}

/** The names a file re-exports by name: they shadow whatever its `export *`s bring. */
function named(imports: FileImports): Set<string> {
  return new Set(imports.imports.flatMap((raw) => [...(raw.exportedAs?.keys() ?? [])]));
}

/** What a re-export asks of its source when `asked` is asked of the barrel. */
function passedOn(raw: RawImport, asked: Demand, shadowing: ReadonlySet<string>): Demand {
  if (asked === null) return null;
  if (!raw.exportedAs) {
    // `export * from "x"`: a name asked and not exported by name here may come from x (never its default).
    return new Set([...asked].filter((n) => n !== "default" && !shadowing.has(n)));
  }
  const out = new Set<string>();
  for (const [exported, taken] of raw.exportedAs) {
    if (asked.has(exported)) {
      if (taken === "*") return null;
      out.add(taken);
      continue;
    }
    // Members asked of a re-exported namespace (`api.sub.fn` of `export * as api from "x"`
    // asks `sub.fn` of x) or of a re-exported name (`z.object` of `export { z } from "zod"`).
    for (const name of asked) {
      if (!name.startsWith(`${exported}.`)) continue;
      const member = name.slice(exported.length + 1);
      out.add(taken === "*" ? member : `${taken}.${member}`);
    }
  }
  return out;
}
