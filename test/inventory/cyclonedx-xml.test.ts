import { describe, expect, test } from "vitest";
import { expectBasicProject } from "./basic-project.js";
import { fixturePath, readFixture } from "./fixture.js";

describe("cyclonedx-xml: CycloneDX 1.6 XML from @cyclonedx/cyclonedx-npm 6.0.1", () => {
  test("reads components by purl and the dependency graph", async () => {
    const inventory = await readFixture("cyclonedx-xml/bom.xml");
    expect(inventory.projects).toEqual([
      {
        path: fixturePath("cyclonedx-xml", "bom.xml"),
        name: "inv-basic",
        lockfile: fixturePath("cyclonedx-xml", "bom.xml"),
        kind: "cyclonedx",
      },
    ]);
    expect(inventory.warnings).toEqual([]);
    expectBasicProject(inventory, {
      // As `npm sbom` (cyclonedx-npm-sbom): a component is marked dev only when nothing in prod needs it, so the root's
      // dev edges to ms and react read as prod; the root's peer declaration is not there.
      ms: { scopes: ["prod"] },
      react: { scopes: ["prod"] },
      "js-tokens": { scopes: ["prod"] },
    });
  });
});
