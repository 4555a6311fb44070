import { describe, expect, test } from "vitest";
import { readFixture, readFixtureGraph } from "./fixture.js";
import { expectWorkspacesProject } from "./workspaces-project.js";

describe("yarn-classic-workspaces: yarn.lock v1 (yarn 1.22), workspaces in package.json", () => {
  test("workspaces are importers, their dependencies direct", async () => {
    expectWorkspacesProject(await readFixture("yarn-classic-workspaces"));
  });

  test("importers carry their folder and package name", async () => {
    const graph = await readFixtureGraph("yarn-classic-workspaces");
    expect(graph.importers.map((importer) => [importer.path, importer.name])).toEqual([
      ["", "inv-ws"],
      ["packages/app", "@inv/app"],
      ["packages/lib", "@inv/lib"],
    ]);
  });
});
