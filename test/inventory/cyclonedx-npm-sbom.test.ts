import { describe, expect, test } from "vitest";
import { expectBasicProject } from "./basic-project.js";
import { fixturePath, readFixture } from "./fixture.js";

describe("cyclonedx-npm-sbom: CycloneDX 1.5 JSON from `npm sbom` (npm 11)", () => {
  test("reads components by purl and the dependency graph", async () => {
    const inventory = await readFixture("cyclonedx-npm-sbom/bom.json");
    expect(inventory.projects).toEqual([
      {
        path: fixturePath("cyclonedx-npm-sbom", "bom.json"),
        name: "inv-basic",
        lockfile: fixturePath("cyclonedx-npm-sbom", "bom.json"),
        kind: "cyclonedx",
      },
    ]);
    expect(inventory.warnings).toEqual([]);
    expectBasicProject(inventory, {
      // An SBOM marks a component dev only when nothing in prod needs it, so the root's
      // dev edges to ms and react read as prod; the root's peer declaration is not there.
      ms: { scopes: ["prod"] },
      react: { scopes: ["prod"] },
      "js-tokens": { scopes: ["prod"] },
    });
  });
});
