import { describe, expect, test } from "vitest";
import { expectBasicProject } from "./basic-project.js";
import { edgeLines, factsOf, readFixture, readFixtureGraph } from "./fixture.js";

describe("yarn-berry: yarn.lock __metadata version 10 (yarn 4.18)", () => {
  test("reads the basic project", async () => {
    const inventory = await readFixture("yarn-berry");
    expect(inventory.projects.map((project) => [project.name, project.kind])).toEqual([
      ["inv-basic", "yarn-berry"],
    ]);
    expect(inventory.warnings).toEqual([]);
    // yarn adds node-gyp to fsevents (it has an install script): 20 more packages.
    expectBasicProject(inventory, {}, 37);
  });

  test("fsevents' node-gyp is optional, reached via fsevents", async () => {
    expect(factsOf(await readFixture("yarn-berry"), "node-gyp")).toMatchObject({
      direct: false,
      scopes: ["optional"],
      path: ["inv-basic", "fsevents", "node-gyp"],
      via: ["fsevents"],
    });
  });

  test("the workspace entry merges sections; package.json gives the edge types", async () => {
    const edges = edgeLines(await readFixtureGraph("yarn-berry"));
    expect(edges).toContain("importer: -> @types/node@20.19.43 (dev)");
    expect(edges).toContain("importer: -> fsevents@2.3.3 (optional)");
    // Peers are ranges in the lock; the copy is the one the dependent's parent has.
    expect(edges).toContain("react-dom@18.3.1 -> react@18.3.1 (peer)");
    // `fsevents@patch:...#optional!builtin<compat/fsevents>` is the same package.
    expect(edges.filter((edge) => edge.includes("-> fsevents@"))).toHaveLength(1);
  });
});
