import { describe, expect, test } from "vitest";
import { expectBasicProject } from "./basic-project.js";
import { edgeLines, readFixture, readFixtureGraph } from "./fixture.js";

describe("pnpm-v9: pnpm-lock.yaml lockfileVersion 9.0 (pnpm 9)", () => {
  test("reads importers, packages and snapshots", async () => {
    const inventory = await readFixture("pnpm-v9");
    expect(inventory.warnings).toEqual([]);
    expectBasicProject(inventory, {
      // v9 files debug's auto-installed optional peer under the snapshot's optionalDependencies.
      "supports-color": {
        scopes: ["prod", "dev", "optional"],
        dependents: 3,
        via: ["chalk", "debug", "supports-color"],
      },
      "has-flag": {
        scopes: ["prod", "dev", "optional"],
        via: ["chalk", "debug", "supports-color"],
      },
    });
  });

  test("snapshot keys `name@version(peers)` map to one node", async () => {
    const edges = edgeLines(await readFixtureGraph("pnpm-v9"));
    expect(edges).toContain("importer: -> react-dom@18.3.1 (prod)");
    expect(edges).toContain("react-dom@18.3.1 -> react@18.3.1 (prod)");
    expect(edges).toContain("debug@4.4.3 -> supports-color@5.5.0 (optional)");
    // The alias: `is-num: { specifier: npm:is-number@^7.0.0, version: is-number@7.0.0 }`.
    expect(edges).toContain("importer: -> is-number@7.0.0 (prod)");
  });
});
