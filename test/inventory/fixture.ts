import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readInventory, readProjectGraph } from "../../src/inventory/read-inventory.js";
import type { Inventory, InventoryPackage, LockGraph } from "../../src/inventory/types.js";

/** Helpers for the fixture scenarios in test/fixtures/inventory (see its README for how each was made). */

export const FIXTURES = fileURLToPath(new URL("../fixtures/inventory/", import.meta.url));

export function fixturePath(...parts: string[]): string {
  return join(FIXTURES, ...parts);
}

export function readFixture(...targets: string[]): Promise<Inventory> {
  return readInventory(targets, { cwd: FIXTURES });
}

export async function readFixtureGraph(target: string): Promise<LockGraph> {
  return (await readProjectGraph(target, { cwd: FIXTURES })).graph;
}

export type PackageFacts = Omit<InventoryPackage, "name" | "projects" | "dependencies">;

/** A package's facts without its name and `projects` (absolute paths, checked once per scenario). */
export function factsOf(inventory: Inventory, name: string): PackageFacts {
  const found = inventory.packages.find((pkg) => pkg.name === name);
  if (!found)
    throw new Error(
      `no package ${name} in ${inventory.packages.map((pkg) => pkg.name).join(", ")}`,
    );
  // `dependencies` differs by what each format records (peers, optional platform packages);
  // it has its own test (dependencies.test.ts) rather than a column in every scenario.
  const { name: _name, projects: _projects, dependencies: _dependencies, ...facts } = found;
  return facts;
}

export function names(inventory: Inventory): string[] {
  return inventory.packages.map((pkg) => pkg.name);
}

/** Edges as `from -> to (type)` lines, easy to assert on. */
export function edgeLines(graph: LockGraph): string[] {
  return graph.edges.map((edge) => `${edge.from} -> ${edge.to} (${edge.type})`);
}
