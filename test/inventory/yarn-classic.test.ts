import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, test } from "vitest";
import { readInventory } from "../../src/inventory/read-inventory.js";
import { expectBasicProject } from "./basic-project.js";
import { edgeLines, fixturePath, readFixture, readFixtureGraph } from "./fixture.js";

describe("yarn-classic: yarn.lock v1 (yarn 1.22)", () => {
  test("matches package.json descriptors to lock entries", async () => {
    const inventory = await readFixture("yarn-classic");
    expect(inventory.projects.map((project) => [project.name, project.kind])).toEqual([
      ["inv-basic", "yarn-classic"],
    ]);
    expect(inventory.warnings).toEqual([]);
    expectBasicProject(inventory, {
      // yarn 1 neither installs nor records peer dependencies.
      react: { scopes: ["dev", "peer"], dependents: 1, via: ["react"] },
    });
  });

  test("the alias descriptor `is-num@npm:is-number@^7.0.0` is is-number", async () => {
    expect(edgeLines(await readFixtureGraph("yarn-classic"))).toContain(
      "importer: -> is-number@7.0.0 (prod)",
    );
  });

  test("a yarn.lock alone (no package.json) takes what nothing requires as direct", async () => {
    const folder = mkdtempSync(join(tmpdir(), "jenga-inventory-"));
    try {
      cpSync(fixturePath("yarn-classic", "yarn.lock"), join(folder, "yarn.lock"));
      const inventory = await readInventory(["yarn.lock"], { cwd: folder });
      const direct = inventory.packages.filter((pkg) => pkg.direct).map((pkg) => pkg.name);
      // ms is required by debug, so it is not found direct; supports-color@5 is required by nothing.
      expect(direct).toEqual([
        "@types/node",
        "chalk",
        "debug",
        "fsevents",
        "is-number",
        "react",
        "react-dom",
        "supports-color",
      ]);
      expect(inventory.projects[0]?.name).toBe(basename(folder));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
