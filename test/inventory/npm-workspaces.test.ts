import { describe, expect, test } from "vitest";
import { readFixture, readFixtureGraph } from "./fixture.js";
import { expectWorkspacesProject } from "./workspaces-project.js";

describe("npm-workspaces: package-lock.json v3 (npm 11), workspaces in package.json", () => {
  test("workspaces are importers, their dependencies direct", async () => {
    expectWorkspacesProject(await readFixture("npm-workspaces"));
  });

  test("importers carry their folder and package name", async () => {
    const graph = await readFixtureGraph("npm-workspaces");
    expect(graph.importers.map((importer) => [importer.path, importer.name])).toEqual([
      ["", "inv-ws"],
      ["packages/app", "@inv/app"],
      ["packages/lib", "@inv/lib"],
    ]);
  });
});
