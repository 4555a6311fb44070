import { describe, expect, test } from "vitest";
import { expectBasicProject } from "./basic-project.js";
import { edgeLines, readFixture, readFixtureGraph } from "./fixture.js";

describe("npm-v1: package-lock.json lockfileVersion 1 (npm 6)", () => {
  test("reads the nested tree, the root's dependencies from package.json", async () => {
    const inventory = await readFixture("npm-v1");
    expect(inventory.warnings).toEqual([]);
    expectBasicProject(inventory, {
      // v1 records `requires`, not peer dependencies: react-dom's peer edge to react is not there.
      react: { scopes: ["dev", "peer"], dependents: 1, via: ["react"] },
    });
  });

  test("an entry's `requires` resolve to its nested copy first", async () => {
    const edges = edgeLines(await readFixtureGraph("npm-v1"));
    // npm 6 nested has-flag@3 under supports-color@5 and hoisted has-flag@4.
    expect(edges).toContain("supports-color@5.5.0 -> has-flag@3.0.0 (prod)");
    expect(edges).toContain("supports-color@7.2.0 -> has-flag@4.0.0 (prod)");
    // The alias entry `"is-num": { "version": "npm:is-number@7.0.0" }`.
    expect(edges).toContain("importer: -> is-number@7.0.0 (prod)");
  });
});
