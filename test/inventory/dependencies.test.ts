import { describe, expect, test } from "vitest";
import { readFixture } from "./fixture.js";

/** What each package depends on, by name: the edges the downstream checks walk. */
describe("dependencies of each package", () => {
  test.each(["npm-v3", "pnpm-v9", "yarn-berry"])(
    "%s: chalk 4 depends on ansi-styles and supports-color",
    async (fixture) => {
      const inventory = await readFixture(fixture);
      const chalk = inventory.packages.find((p) => p.name === "chalk");
      expect(chalk?.dependencies).toEqual(["ansi-styles", "supports-color"]);
      // A leaf depends on nothing, and no package lists itself.
      const ms = inventory.packages.find((p) => p.name === "ms");
      expect(ms?.dependencies).toEqual([]);
      for (const p of inventory.packages) expect(p.dependencies).not.toContain(p.name);
    },
  );

  test("several projects: unioned by name", async () => {
    const inventory = await readFixture("npm-v3", "npm-workspaces");
    const debug = inventory.packages.find((p) => p.name === "debug");
    expect(debug?.dependencies).toEqual(["ms"]);
  });
});
