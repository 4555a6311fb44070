import { describe, expect, test } from "vitest";
import { expectBasicProject } from "./basic-project.js";
import { edgeLines, readFixture, readFixtureGraph } from "./fixture.js";

describe("pnpm-v6: pnpm-lock.yaml lockfileVersion 6.0 (pnpm 8)", () => {
  test("reads the basic project", async () => {
    const inventory = await readFixture("pnpm-v6");
    expect(inventory.projects.map((project) => [project.name, project.kind])).toEqual([
      ["inv-basic", "pnpm-lock"],
    ]);
    expect(inventory.warnings).toEqual([]);
    expectBasicProject(inventory, {
      // pnpm auto-installs debug's optional peer supports-color and records it as a dependency.
      "supports-color": { dependents: 3, via: ["chalk", "debug", "supports-color"] },
      "has-flag": { via: ["chalk", "debug", "supports-color"] },
    });
  });

  test("keys with peer suffixes are one node per name and version", async () => {
    const graph = await readFixtureGraph("pnpm-v6");
    expect([...graph.nodes.keys()].filter((id) => id.startsWith("react-dom@"))).toEqual([
      "react-dom@18.3.1",
    ]);
    expect(edgeLines(graph)).toContain("debug@4.4.3 -> supports-color@5.5.0 (prod)");
  });
});
