/**
 * The collector layout holds: every source is one object in one array, no
 * file outside a source's folder reaches into it except through that array
 * or with type-only imports, and the shared HTTP layer imports no source.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allSources } from "../../src/collectors/all-sources.js";
import { sourceNames } from "../../src/collectors/sources.js";

const src = path.resolve(import.meta.dirname, "../../src");

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

/** Every relative import and re-export of a file, and whether it is type-only. */
function importsOf(file: string): { target: string; typeOnly: boolean }[] {
  const text = readFileSync(file, "utf8");
  const found: { target: string; typeOnly: boolean }[] = [];
  const pattern = /^(import|export)\s+(type\s+)?([^;]*?)\s+from\s+"(\.[^"]+)";/gms;
  for (const match of text.matchAll(pattern)) {
    const names = (match[3] ?? "").trim();
    const everyNameTyped = /^\{\s*(type\s+[^,}]+,?\s*)+\}$/.test(names);
    found.push({
      target: path.relative(src, path.resolve(path.dirname(file), match[4] ?? "")),
      typeOnly: match[1] === "import" && (match[2] !== undefined || everyNameTyped),
    });
  }
  return found;
}

const sourceOf = (relative: string) =>
  sourceNames.find((source) => relative.startsWith(`collectors/${source}/`));

describe("the collector layout", () => {
  it("lists every documented source once in the array, in an order that honours `needs`", () => {
    expect(allSources.map((s) => s.id).sort()).toEqual([...sourceNames].sort());
    allSources.forEach((source, index) => {
      for (const need of source.needs)
        expect(allSources.findIndex((s) => s.id === need)).toBeLessThan(index);
    });
  });

  it("has no value import into a source's folder from outside it, except the source array", () => {
    const edges: string[] = [];
    for (const file of tsFiles(src)) {
      const relative = path.relative(src, file);
      if (relative === "collectors/all-sources.ts") continue;
      for (const { target, typeOnly } of importsOf(file)) {
        const into = sourceOf(target);
        if (into && into !== sourceOf(relative) && !typeOnly)
          edges.push(`${relative} -> ${target}`);
      }
    }
    expect(edges).toEqual([]);
  });

  it("keeps the shared HTTP layer free of any source", () => {
    const edges = tsFiles(path.join(src, "collectors/http")).flatMap((file) =>
      importsOf(file)
        .filter(({ target }) => sourceOf(target) !== undefined)
        .map(({ target }) => `${path.relative(src, file)} -> ${target}`),
    );
    expect(edges).toEqual([]);
  });
});
