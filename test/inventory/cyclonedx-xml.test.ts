import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { readInventory } from "../../src/inventory/read-inventory.js";
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

  test("a prefixed document of an older version reads the same", async () => {
    const original = readFileSync(fixturePath("cyclonedx-xml", "bom.xml"), "utf8");
    // `<cdx:bom xmlns:cdx="…/1.2">`: the same elements under a declared prefix.
    const prefixed = original
      .replace(/<(\/?)([a-zA-Z])/g, "<$1cdx:$2")
      .replace(
        'xmlns="http://cyclonedx.org/schema/bom/1.6"',
        'xmlns:cdx="http://cyclonedx.org/schema/bom/1.2"',
      );
    const folder = mkdtempSync(join(tmpdir(), "jenga-cdx-xml-"));
    try {
      writeFileSync(join(folder, "bom.xml"), prefixed);
      const inventory = await readInventory(["bom.xml"], { cwd: folder });
      const expected = await readFixture("cyclonedx-xml/bom.xml");
      const facts = (packages: typeof inventory.packages) =>
        packages.map(({ projects: _projects, ...pkg }) => pkg);
      expect(facts(inventory.packages)).toEqual(facts(expected.packages));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
