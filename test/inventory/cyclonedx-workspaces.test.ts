import { describe, expect, test } from "vitest";
import { factsOf, names, readFixture } from "./fixture.js";

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
});
