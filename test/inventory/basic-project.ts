import { expect } from "vitest";
import { isValidPackageName } from "../../src/inventory/package-name.js";
import type { Inventory } from "../../src/inventory/types.js";
import { factsOf, type PackageFacts } from "./fixture.js";

/**
 * The "basic" project (test/fixtures/inventory/README.md) locked by every
 * tool: prod, dev, optional and peer dependencies, an alias
 * (`is-num` → is-number@7 beside is-number@6), a scoped package, two copies of
 * supports-color and has-flag. These are the facts as npm 11 locks it; each
 * scenario states where its tool differs, so the differences between formats
 * are written down in one place.
 */
export const BASIC: Record<string, PackageFacts> = {
  chalk: facts(["4.1.2"], true, ["prod"], 1, ["chalk"], ["chalk"]),
  "color-name": facts(
    ["1.1.4"],
    false,
    ["prod"],
    1,
    ["chalk", "ansi-styles", "color-convert", "color-name"],
    ["chalk"],
  ),
  // The alias is-num resolves to is-number: one package, two versions, one dependent (the root).
  "is-number": facts(["6.0.0", "7.0.0"], true, ["prod"], 1, ["is-number"], ["is-number"]),
  "@types/node": facts(["20.19.43"], true, ["dev"], 1, ["@types/node"], ["@types/node"]),
  "undici-types": facts(
    ["6.21.0"],
    false,
    ["dev"],
    1,
    ["@types/node", "undici-types"],
    ["@types/node"],
  ),
  fsevents: facts(["2.3.3"], true, ["optional"], 1, ["fsevents"], ["fsevents"]),
  // Declared as dev, needed in prod by debug: both scopes, two dependents.
  ms: facts(["2.1.3"], true, ["prod", "dev"], 2, ["ms"], ["debug", "ms"]),
  "supports-color": facts(
    ["5.5.0", "7.2.0"],
    true,
    ["prod", "dev"],
    2,
    ["supports-color"],
    ["chalk", "supports-color"],
  ),
  "has-flag": facts(
    ["3.0.0", "4.0.0"],
    false,
    ["prod", "dev"],
    2,
    ["supports-color", "has-flag"],
    ["chalk", "supports-color"],
  ),
  // Declared as dev and peer by the root, and a peer of react-dom (prod).
  react: facts(["18.3.1"], true, ["prod", "dev", "peer"], 2, ["react"], ["react", "react-dom"]),
  // Two shortest paths (through react and react-dom): the first by name is kept, in every format.
  "js-tokens": facts(
    ["4.0.0"],
    false,
    ["prod", "dev", "peer"],
    1,
    ["react", "loose-envify", "js-tokens"],
    ["react", "react-dom"],
  ),
};

export const BASIC_COUNT = 17;

export function expectBasicProject(
  inventory: Inventory,
  differences: Record<string, Partial<PackageFacts>> = {},
  count = BASIC_COUNT,
): void {
  expect(inventory.packages).toHaveLength(count);
  for (const [name, expected] of Object.entries(BASIC)) {
    expect({ name, ...factsOf(inventory, name) }).toEqual({
      name,
      ...expected,
      ...differences[name],
    });
  }
  const listed = inventory.packages.map((pkg) => pkg.name);
  expect(listed).not.toContain("is-num");
  expect(listed.every(isValidPackageName)).toBe(true);
  expect(listed).toEqual([...listed].sort());
}

function facts(
  versions: string[],
  direct: boolean,
  scopes: PackageFacts["scopes"],
  dependents: number,
  path: string[],
  via: string[],
): PackageFacts {
  return {
    versions,
    direct,
    scopes,
    dependents,
    path: ["inv-basic", ...path],
    via,
    origin: "registry",
  };
}
