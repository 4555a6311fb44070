import { describe, expect, test } from "vitest";
import { expectBasicProject } from "./basic-project.js";
import { edgeLines, fixturePath, readFixture, readFixtureGraph } from "./fixture.js";

describe("npm-v3: package-lock.json lockfileVersion 3 (npm 11)", () => {
  test("reads the basic project", async () => {
    const inventory = await readFixture("npm-v3");
    expect(inventory.projects).toEqual([
      {
        path: fixturePath("npm-v3"),
        name: "inv-basic",
        lockfile: fixturePath("npm-v3", "package-lock.json"),
        kind: "npm-lock",
      },
    ]);
    expect(inventory.warnings).toEqual([]);
    expect(inventory.packages.every((pkg) => pkg.projects[0] === fixturePath("npm-v3"))).toBe(true);
    expectBasicProject(inventory);
  });

  test("resolves each dependency to the copy Node would load", async () => {
    const edges = edgeLines(await readFixtureGraph("npm-v3"));
    // chalk has its own supports-color@7 and has-flag@4 nested under node_modules/chalk.
    expect(edges).toContain("chalk@4.1.2 -> supports-color@7.2.0 (prod)");
    expect(edges).toContain("supports-color@7.2.0 -> has-flag@4.0.0 (prod)");
    expect(edges).toContain("supports-color@5.5.0 -> has-flag@3.0.0 (prod)");
    expect(edges).toContain("react-dom@18.3.1 -> react@18.3.1 (peer)");
    expect(edges).toContain("importer: -> is-number@7.0.0 (prod)");
  });

  test("a lockfile path reads the same project as its folder", async () => {
    const byFile = await readFixture("npm-v3/package-lock.json");
    const byFolder = await readFixture("npm-v3");
    expect(byFile).toEqual(byFolder);
  });
});
