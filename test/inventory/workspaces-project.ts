import { expect } from "vitest";
import type { Inventory } from "../../src/inventory/types.js";
import { factsOf, names, type PackageFacts } from "./fixture.js";

/**
 * The "workspaces" project (test/fixtures/inventory/README.md): a private
 * root with a dev dependency and two workspaces, @inv/app depending on
 * @inv/lib. Workspaces are importers, never packages; what they declare is
 * direct, and paths go through the workspace that declares it.
 */
export const WORKSPACES: Record<string, PackageFacts> = {
  debug: facts(["4.4.3"], ["prod"], 1, ["@inv/app", "debug"], ["debug"]),
  // is-number@7 for @inv/app (dev), is-number@6 for @inv/lib (prod).
  "is-number": facts(
    ["6.0.0", "7.0.0"],
    ["prod", "dev"],
    2,
    ["@inv/app", "is-number"],
    ["is-number"],
  ),
  // Dependents: the root, @inv/lib, and debug.
  ms: facts(["2.1.3"], ["prod", "dev"], 3, ["ms"], ["debug", "ms"]),
  fsevents: facts(["2.3.3"], ["optional"], 1, ["@inv/lib", "fsevents"], ["fsevents"]),
};

export function expectWorkspacesProject(inventory: Inventory, count = 4): void {
  expect(inventory.warnings).toEqual([]);
  expect(inventory.packages).toHaveLength(count);
  expect(names(inventory)).not.toContain("@inv/app");
  expect(names(inventory)).not.toContain("@inv/lib");
  expect(inventory.projects.map((project) => project.name)).toEqual(["inv-ws"]);
  for (const [name, expected] of Object.entries(WORKSPACES)) {
    expect({ name, ...factsOf(inventory, name) }).toEqual({ name, ...expected });
  }
}

function facts(
  versions: string[],
  scopes: PackageFacts["scopes"],
  dependents: number,
  path: string[],
  via: string[],
): PackageFacts {
  return {
    versions,
    direct: true,
    scopes,
    dependents,
    path: ["inv-ws", ...path],
    via,
    origin: "registry",
  };
}
