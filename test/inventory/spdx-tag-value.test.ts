import { describe, expect, test } from "vitest";
import { expectBasicProject } from "./basic-project.js";
import { edgeLines, fixturePath, readFixture, readFixtureGraph } from "./fixture.js";

describe("spdx-tag-value: SPDX 2.3 tag-value written to the specification from spdx-npm-sbom", () => {
  test("reads packages by their purl ExternalRef and the Relationship lines", async () => {
    const inventory = await readFixture("spdx-tag-value/sbom.spdx");
    expect(inventory.projects).toEqual([
      {
        path: fixturePath("spdx-tag-value", "sbom.spdx"),
        name: "inv-basic",
        lockfile: fixturePath("spdx-tag-value", "sbom.spdx"),
        kind: "spdx",
      },
    ]);
    expect(inventory.warnings).toEqual([]);
    // The same differences as the JSON it was written from (spdx-npm-sbom).
    expectBasicProject(inventory, {
      react: { scopes: ["prod", "dev"] },
      "js-tokens": { scopes: ["prod", "dev"] },
    });
  });

  test("gives the same graph as the JSON form of the same document", async () => {
    const tagValue = await readFixtureGraph("spdx-tag-value/sbom.spdx");
    const json = await readFixtureGraph("spdx-npm-sbom/sbom.spdx.json");
    expect([...tagValue.nodes.values()]).toEqual([...json.nodes.values()]);
    expect(edgeLines(tagValue)).toEqual(edgeLines(json));
    expect(tagValue.importers).toEqual(json.importers);
  });
});
