import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { InputError } from "../../src/errors.js";
import { readInventory } from "../../src/inventory/read-inventory.js";
import { BASIC_COUNT } from "./basic-project.js";
import { fixturePath } from "./fixture.js";

/** Hostile, broken and foreign SBOMs, spliced into copies of the real fixtures. */

let folder = "";
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "jenga-sboms-"));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

function fixtureText(scenario: string, file: string): string {
  return readFileSync(fixturePath(scenario, file), "utf8");
}

function read(name: string, text: string) {
  writeFileSync(join(folder, name), text);
  return readInventory([name], { cwd: folder });
}

async function inputError(name: string, text: string): Promise<InputError> {
  const error = await read(name, text).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InputError);
  expect((error as InputError).message).not.toContain("\n");
  return error as InputError;
}

const XML = fixtureText("cyclonedx-xml", "bom.xml");

describe("CycloneDX XML", () => {
  test("entity expansion: a DTD is refused before parsing", async () => {
    const laughs = [
      "<!DOCTYPE bom [",
      '  <!ENTITY lol "lol">',
      ...Array.from(
        { length: 9 },
        (_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i || ""};`.repeat(10)}">`,
      ),
      "]>",
    ].join("\n");
    const text = XML.replace("?>\n", `?>\n${laughs}\n`).replace(
      "<name>chalk</name>",
      "<name>&lol9;</name>",
    );
    expect((await inputError("bom.xml", text)).message).toBe(
      "bom.xml:2: refused: a DOCTYPE declaration (CycloneDX XML has no DTD, and jenga reads none)",
    );
  });

  test("external entities: refused, and an undeclared reference is never resolved", async () => {
    const external = XML.replace(
      "?>\n",
      '?>\n<!DOCTYPE bom [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n',
    );
    expect((await inputError("bom.xml", external)).message).toMatch(
      /^bom\.xml:2: refused: a DOCTYPE/,
    );
    // Without a DTD the reference stays text: an invalid name, skipped with a warning.
    const inventory = await read(
      "bom.xml",
      XML.replace("<purl>pkg:npm/chalk@4.1.2", "<purl>pkg:npm/&xxe;@4.1.2"),
    );
    expect(inventory.warnings).toEqual([
      'bom.xml: skipped "inv-basic@1.0.0|chalk@4.1.2": "&xxe;" is not a valid package name',
    ]);
    expect(inventory.packages.map((pkg) => pkg.name)).not.toContain("&xxe;");
  });

  test("a truncated document is an error, not a smaller SBOM", async () => {
    const error = await inputError("bom.xml", XML.slice(0, XML.indexOf("<dependencies>")));
    expect(error.message).toMatch(/^bom\.xml:\d+: invalid XML: the document ends before <\/bom>$/);
  });

  test("bundled components nested thousands deep are read without recursion", async () => {
    const depth = 3000;
    const nested = Array.from(
      { length: depth },
      (_, i) =>
        `<component type="library" bom-ref="n${i}"><name>n${i}</name><version>1.0.0</version><purl>pkg:npm/n${i}@1.0.0</purl><components>`,
    ).join("");
    // The bom's own list, not the tools' list in the metadata.
    const text = XML.replace(
      "\n  <components>",
      `\n  <components>${nested}${"</components></component>".repeat(depth)}`,
    );
    const inventory = await read("bom.xml", text);
    expect(inventory.packages).toHaveLength(BASIC_COUNT + depth);
  });
});

const SPDX = JSON.parse(fixtureText("spdx-npm-sbom", "sbom.spdx.json"));

describe("SPDX JSON", () => {
  test("fields of the wrong type are skipped, not trusted", async () => {
    const spdx = structuredClone(SPDX);
    spdx.packages.push("not a package", { SPDXID: 7, externalRefs: "pkg:npm/x@1.0.0" });
    spdx.packages[2].externalRefs = [{ referenceType: "purl", referenceLocator: 42 }];
    spdx.relationships.push(7, { spdxElementId: ["x"], relationshipType: "DEPENDS_ON" });
    spdx.relationships.push({
      spdxElementId: "SPDXRef-Package-chalk-4.1.2",
      relationshipType: { toString: "DEPENDS_ON" },
      relatedSpdxElement: "SPDXRef-Package-ms-2.1.3",
    });
    const inventory = await read("sbom.spdx.json", JSON.stringify(spdx));
    // ansi-styles lost its purl; the package with a numeric SPDXID has none either.
    expect(inventory.warnings).toEqual([
      "sbom.spdx.json: 2 components without a readable package URL not analysed: jenga reads npm packages",
    ]);
    expect(inventory.packages.map((pkg) => pkg.name)).not.toContain("ansi-styles");
    expect(inventory.packages).toHaveLength(BASIC_COUNT - 1);
  });

  test("an SBOM of another ecosystem only: one line naming the file, exit 2", async () => {
    const spdx = structuredClone(SPDX);
    spdx.packages = spdx.packages.slice(0, 1).concat(
      Array.from({ length: 62 }, (_, i) => ({
        name: `vendor/lib${i}`,
        SPDXID: `SPDXRef-composer-${i}`,
        externalRefs: [
          {
            referenceCategory: "PACKAGE-MANAGER",
            referenceType: "purl",
            referenceLocator: `pkg:composer/vendor/lib${i}@1.0.0`,
          },
        ],
      })),
    );
    const error = await inputError("sbom.spdx.json", JSON.stringify(spdx));
    expect(error.message).toBe(
      "sbom.spdx.json: 62 composer components not analysed: jenga reads npm packages",
    );
  });

  test("other ecosystems beside npm packages are counted and named", async () => {
    const spdx = structuredClone(SPDX);
    for (const [i, purl] of ["pkg:maven/a/b@1", "pkg:MAVEN/c/d@2", "pkg:pypi/requests@2"].entries())
      spdx.packages.push({
        SPDXID: `SPDXRef-other-${i}`,
        externalRefs: [{ referenceType: "purl", referenceLocator: purl }],
      });
    const inventory = await read("sbom.spdx.json", JSON.stringify(spdx));
    expect(inventory.warnings).toEqual([
      "sbom.spdx.json: 2 maven components, 1 pypi component not analysed: jenga reads npm packages",
    ]);
    expect(inventory.packages).toHaveLength(BASIC_COUNT);
  });

  test("no dependency graph: said once, nothing direct, no via claimed", async () => {
    const spdx = structuredClone(SPDX);
    // The root is still described; only the dependency relationships are gone.
    spdx.relationships = spdx.relationships.filter(
      (relationship: { relationshipType: string }) => relationship.relationshipType === "DESCRIBES",
    );
    const inventory = await read("sbom.spdx.json", JSON.stringify(spdx));
    expect(inventory.warnings).toEqual([
      "sbom.spdx.json: no dependency graph: direct and transitive unknown",
    ]);
    expect(inventory.packages).toHaveLength(BASIC_COUNT);
    for (const pkg of inventory.packages) {
      expect(pkg.direct).toBe(false);
      expect(pkg.via).toEqual([]);
    }
  });

  test("a graph without a described root: direct dependencies unknown", async () => {
    const spdx = structuredClone(SPDX);
    spdx.documentDescribes = [];
    spdx.relationships = spdx.relationships.filter(
      (relationship: { relationshipType: string }) => relationship.relationshipType !== "DESCRIBES",
    );
    const inventory = await read("sbom.spdx.json", JSON.stringify(spdx));
    expect(inventory.warnings).toEqual([
      "sbom.spdx.json: no edge from the described root: direct dependencies unknown",
    ]);
    // The described package is gone, so the project itself is read as a package.
    expect(inventory.packages).toHaveLength(BASIC_COUNT + 1);
    expect(inventory.packages.some((pkg) => pkg.direct || pkg.via.length > 0)).toBe(false);
  });

  test("a dependency cycle and relationships to unknown elements", async () => {
    const spdx = structuredClone(SPDX);
    spdx.relationships.push(
      {
        spdxElementId: "SPDXRef-Package-ms-2.1.3",
        relationshipType: "DEPENDS_ON",
        relatedSpdxElement: "SPDXRef-Package-debug-4.4.3",
      },
      {
        spdxElementId: "SPDXRef-Package-ms-2.1.3",
        relationshipType: "DEPENDS_ON",
        relatedSpdxElement: "DocumentRef-other:SPDXRef-elsewhere",
      },
      {
        spdxElementId: "SPDXRef-Package-ms-2.1.3",
        relationshipType: "DEPENDS_ON",
        relatedSpdxElement: "NOASSERTION",
      },
    );
    const inventory = await read("sbom.spdx.json", JSON.stringify(spdx));
    expect(inventory.warnings).toEqual([]);
    expect(inventory.packages).toHaveLength(BASIC_COUNT);
  });
});

describe("CycloneDX JSON", () => {
  test("without a dependencies list: no dependency graph", async () => {
    const bom = JSON.parse(fixtureText("cyclonedx-npm-sbom", "bom.json"));
    delete bom.dependencies;
    const inventory = await read("bom.json", JSON.stringify(bom));
    expect(inventory.warnings).toEqual([
      "bom.json: no dependency graph: direct and transitive unknown",
    ]);
    expect(inventory.packages.every((pkg) => !pkg.direct && pkg.via.length === 0)).toBe(true);
  });
});

describe("SPDX tag-value", () => {
  const TAG_VALUE = fixtureText("spdx-tag-value", "sbom.spdx");

  test("multi-line text, comments and fields of files do not leak into packages", async () => {
    const text = TAG_VALUE.replace(
      "PackageName: chalk\n",
      [
        "PackageName: chalk",
        "PackageComment: <text>A comment that looks like fields:",
        "PackageName: evil",
        "ExternalRef: PACKAGE-MANAGER purl pkg:npm/evil@6.6.6",
        "Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-evil",
        "</text>",
        "# ExternalRef: PACKAGE-MANAGER purl pkg:npm/commented@1.0.0",
        "",
      ].join("\n"),
    ).concat(
      [
        "",
        "FileName: ./index.js",
        "SPDXID: SPDXRef-File-index",
        "ExternalRef: PACKAGE-MANAGER purl pkg:npm/file-ref@1.0.0",
        "",
      ].join("\n"),
    );
    const inventory = await read("sbom.spdx", text);
    expect(inventory.warnings).toEqual([]);
    expect(inventory.packages).toHaveLength(BASIC_COUNT);
    expect(inventory.projects[0]?.name).toBe("inv-basic");
  });

  test("a file without SPDXVersion, and an unsupported version", async () => {
    expect(
      (
        await inputError(
          "sbom.spdx",
          TAG_VALUE.replace("SPDXVersion: SPDX-2.3", "SPDXVersion: SPDX-3.0"),
        )
      ).message,
    ).toBe('sbom.spdx: unsupported SPDX version "SPDX-3.0": jenga reads SPDX 2.x');
  });

  test("20,000 packages read in one pass", async () => {
    const count = 20_000;
    const fanOut = 100;
    const lines = [
      "SPDXVersion: SPDX-2.3",
      "SPDXID: SPDXRef-DOCUMENT",
      "",
      "PackageName: root",
      "SPDXID: SPDXRef-root",
      "Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-root",
    ];
    // The root depends on the first hundred; each package on the one a hundred further on.
    for (let i = 0; i < count; i++) {
      const parent = i < fanOut ? "SPDXRef-root" : `SPDXRef-p${i - fanOut}`;
      lines.push(
        `PackageName: p${i}`,
        `SPDXID: SPDXRef-p${i}`,
        `ExternalRef: PACKAGE-MANAGER purl pkg:npm/p${i}@1.0.0`,
        `Relationship: ${parent} DEPENDS_ON SPDXRef-p${i}`,
      );
    }
    const inventory = await read("big.spdx", lines.join("\n"));
    expect(inventory.packages).toHaveLength(count);
    expect(inventory.packages.filter((pkg) => pkg.direct)).toHaveLength(fanOut);
  });
});
