import { describe, expect, test } from "vitest";
import { edgeLines, factsOf, names, readFixture, readFixtureGraph } from "./fixture.js";

describe("cyclonedx-workspaces: CycloneDX 1.6 JSON from @cyclonedx/cyclonedx-npm 6 of the workspaces project", () => {
  test("reads scoped purls and `|`-joined bom-refs", async () => {
    const inventory = await readFixture("cyclonedx-workspaces/bom.json");
    expect(inventory.warnings).toEqual([]);
    expect(inventory.projects.map((project) => [project.name, project.kind])).toEqual([
      ["inv-ws", "cyclonedx"],
    ]);
    // Nothing in the SBOM tells a workspace from a dependency, so @inv/app and @inv/lib are listed.
    expect(names(inventory)).toEqual([
      "@inv/app",
      "@inv/lib",
      "debug",
      "fsevents",
      "is-number",
      "ms",
    ]);
    expect(factsOf(inventory, "is-number")).toEqual({
      versions: ["6.0.0", "7.0.0"],
      direct: false,
      // is-number@7 carries npm's development flag: @inv/app's dev dependency.
      scopes: ["prod", "dev"],
      dependents: 2,
      path: ["inv-ws", "@inv/app", "is-number"],
      via: ["@inv/app", "@inv/lib"],
      origin: "registry",
    });
    expect(factsOf(inventory, "fsevents").scopes).toEqual(["optional"]);
  });

  test("the XML the same tool writes gives the same graph and inventory as its JSON", async () => {
    const json = await readFixtureGraph("cyclonedx-workspaces/bom.json");
    const xml = await readFixtureGraph("cyclonedx-workspaces/bom.xml");
    expect(xml.kind).toBe("cyclonedx");
    expect([...xml.nodes.values()]).toEqual([...json.nodes.values()]);
    expect(edgeLines(xml).sort()).toEqual(edgeLines(json).sort());
    // Everything but `projects`, which names the file read.
    const facts = async (file: string) =>
      (await readFixture(file)).packages.map(({ projects: _projects, ...pkg }) => pkg);
    expect(await facts("cyclonedx-workspaces/bom.xml")).toEqual(
      await facts("cyclonedx-workspaces/bom.json"),
    );
  });
});
