import { describe, expect, test } from "vitest";
import { readFixture, readFixtureGraph } from "./fixture.js";
import { expectWorkspacesProject } from "./workspaces-project.js";

describe("yarn-berry-workspaces: yarn.lock v10 (yarn 4.18), workspace:^", () => {
  test("workspaces are importers, their dependencies direct", async () => {
    // yarn adds node-gyp to fsevents: 20 more packages, all optional.
    const inventory = await readFixture("yarn-berry-workspaces");
    expectWorkspacesProject(inventory, 24);
    const added = inventory.packages.filter(
      (pkg) => !["debug", "fsevents", "is-number", "ms"].includes(pkg.name),
    );
    expect(
      added.every((pkg) => pkg.scopes.join() === "optional" && pkg.via.join() === "fsevents"),
    ).toBe(true);
  });

  test("workspace entries (`@inv/lib@workspace:packages/lib`) are the importers", async () => {
    const graph = await readFixtureGraph("yarn-berry-workspaces");
    expect(graph.importers.map((importer) => [importer.path, importer.name])).toEqual([
      ["", "inv-ws"],
      ["packages/app", "@inv/app"],
      ["packages/lib", "@inv/lib"],
    ]);
  });
});
