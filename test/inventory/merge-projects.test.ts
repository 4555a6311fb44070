import { describe, expect, test } from "vitest";
import { factsOf, fixturePath, readFixture } from "./fixture.js";

describe("several projects in one inventory (npm-v3 + npm-workspaces)", () => {
  test("lists both projects and merges packages by name", async () => {
    const inventory = await readFixture("npm-v3", "npm-workspaces");
    expect(inventory.projects.map((project) => [project.name, project.path])).toEqual([
      ["inv-basic", fixturePath("npm-v3")],
      ["inv-ws", fixturePath("npm-workspaces")],
    ]);
    // Every package of the workspaces project is also in the basic one.
    expect(inventory.packages).toHaveLength(17);
    const ms = inventory.packages.find((pkg) => pkg.name === "ms");
    expect(ms?.projects).toEqual([fixturePath("npm-v3"), fixturePath("npm-workspaces")]);
    expect(factsOf(inventory, "ms")).toEqual({
      versions: ["2.1.3"],
      direct: true,
      scopes: ["prod", "dev"],
      // Distinct dependents: each project's root, @inv/lib, and debug@4.4.3 (one package in both).
      dependents: 4,
      // Equally short in both projects: the first project's path.
      path: ["inv-basic", "ms"],
      via: ["debug", "ms"],
      origin: "registry",
    });
    expect(factsOf(inventory, "is-number")).toMatchObject({
      versions: ["6.0.0", "7.0.0"],
      scopes: ["prod", "dev"],
      dependents: 3,
    });
    // The shorter path wins: [inv-basic, debug] over [inv-ws, @inv/app, debug].
    expect(factsOf(inventory, "debug").path).toEqual(["inv-basic", "debug"]);
    const chalk = inventory.packages.find((pkg) => pkg.name === "chalk");
    expect(chalk?.projects).toEqual([fixturePath("npm-v3")]);
  });

  test("the same project named twice is read once", async () => {
    const inventory = await readFixture("npm-v3", "npm-v3/package-lock.json");
    expect(inventory.projects).toHaveLength(1);
    expect(factsOf(inventory, "ms").dependents).toBe(2);
  });

  test("the same project locked by two tools merges into one list", async () => {
    const inventory = await readFixture("yarn-classic", "pnpm-v9");
    expect(inventory.projects.map((project) => project.kind)).toEqual([
      "yarn-classic",
      "pnpm-lock",
    ]);
    expect(inventory.packages).toHaveLength(17);
    expect(factsOf(inventory, "react").scopes).toEqual(["prod", "dev", "peer"]);
  });
});
