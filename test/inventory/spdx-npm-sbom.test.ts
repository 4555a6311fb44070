import { describe, expect, test } from "vitest";
import { expectBasicProject } from "./basic-project.js";
import { fixturePath, readFixture } from "./fixture.js";

describe("spdx-npm-sbom: SPDX 2.3 JSON from `npm sbom --sbom-format spdx` (npm 11)", () => {
  test("reads packages by purl and the relationships as the dependency graph", async () => {
    const inventory = await readFixture("spdx-npm-sbom/sbom.spdx.json");
    expect(inventory.projects).toEqual([
      {
        path: fixturePath("spdx-npm-sbom", "sbom.spdx.json"),
        name: "inv-basic",
        lockfile: fixturePath("spdx-npm-sbom", "sbom.spdx.json"),
        kind: "spdx",
      },
    ]);
    expect(inventory.warnings).toEqual([]);
    // npm writes the root's dev, optional and prod edges, and peers as PREREQUISITE_FOR,
    // but not the root's own peer declaration of react.
    expectBasicProject(inventory, {
      react: { scopes: ["prod", "dev"] },
      "js-tokens": { scopes: ["prod", "dev"] },
    });
  });
});
