import { describe, expect, test } from "vitest";
import { readFixture, readFixtureGraph } from "./fixture.js";
import { expectWorkspacesProject } from "./workspaces-project.js";

describe("pnpm-v6-workspaces: pnpm-lock.yaml 6.0 (pnpm 8), pnpm-workspace.yaml, workspace:^", () => {
  test("workspaces are importers, their dependencies direct", async () => {
    expectWorkspacesProject(await readFixture("pnpm-v6-workspaces"));
  });

  test("importers carry their folder and package name", async () => {
    const graph = await readFixtureGraph("pnpm-v6-workspaces");
    expect(graph.importers.map((importer) => [importer.path, importer.name])).toEqual([
      ["", "inv-ws"],
      ["packages/app", "@inv/app"],
      ["packages/lib", "@inv/lib"],
    ]);
  });
});
