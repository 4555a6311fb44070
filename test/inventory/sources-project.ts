import { expect } from "vitest";
import type { Inventory } from "../../src/inventory/types.js";
import { factsOf, names, type PackageFacts } from "./fixture.js";

/**
 * The "sources" project (test/fixtures/inventory/README.md): dependencies
 * from a git repository, a tarball URL, a local folder, a local tarball, and
 * an alias of an old registry version. Facts as every tool locks it; each
 * scenario states where its tool differs.
 */
export const SOURCES: Record<string, PackageFacts> = {
  "tiny-git": facts(["1.2.0"], true, 1, ["tiny-git"], ["tiny-git"], "git"),
  "remote-pkg": facts(["2.0.0"], true, 1, ["remote-pkg"], ["remote-pkg"], "remote"),
  "tarball-pkg": facts(["3.0.0"], true, 1, ["tarball-pkg"], ["tarball-pkg"], "file"),
  "local-lib": facts(["0.1.0"], true, 1, ["local-lib"], ["local-lib"], "file"),
  // `old-ms: npm:ms@0.7.3` beside the ms that local-lib and remote-pkg need.
  ms: facts(["0.7.3", "2.1.3"], true, 3, ["ms"], ["local-lib", "ms", "remote-pkg"], "registry"),
  // A registry package needed by a git dependency is still a registry package.
  "is-number": facts(["7.0.0"], false, 1, ["tiny-git", "is-number"], ["tiny-git"], "registry"),
};

export function expectSourcesProject(
  inventory: Inventory,
  differences: Record<string, Partial<PackageFacts>> = {},
): void {
  expect(inventory.warnings).toEqual([]);
  expect(names(inventory)).toEqual([
    "is-number",
    "local-lib",
    "ms",
    "remote-pkg",
    "tarball-pkg",
    "tiny-git",
  ]);
  for (const [name, expected] of Object.entries(SOURCES)) {
    expect({ name, ...factsOf(inventory, name) }).toEqual({
      name,
      ...expected,
      ...differences[name],
    });
  }
}

function facts(
  versions: string[],
  direct: boolean,
  dependents: number,
  path: string[],
  via: string[],
  origin: PackageFacts["origin"],
): PackageFacts {
  return {
    versions,
    direct,
    scopes: ["prod"],
    dependents,
    path: ["inv-sources", ...path],
    via,
    origin,
  };
}
