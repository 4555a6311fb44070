/**
 * Inventory inputs of every cheap-to-write format in which one package is
 * extremely wide: `hub` with `width` dependencies (the root depends on `hub`),
 * or the root itself with `width` direct dependencies. Shapes follow each
 * tool's real output, trimmed to the fields jenga reads.
 */
export type Wide = "hub" | "root";

const names = (width: number) => Array.from({ length: width }, (_, i) => `dep-${i}`);
const ranges = (deps: string[]) => Object.fromEntries(deps.map((d) => [d, "^1.0.0"]));

export function widePackageJson(width: number, wide: Wide): string {
  const dependencies = wide === "root" ? ranges(names(width)) : { hub: "^1.0.0" };
  return JSON.stringify({ name: "wide", version: "1.0.0", dependencies });
}

export function wideNpmLock(width: number, wide: Wide): string {
  const deps = names(width);
  const packages: Record<string, unknown> = {
    "": JSON.parse(widePackageJson(width, wide)),
    "node_modules/hub": { version: "1.0.0", dependencies: wide === "hub" ? ranges(deps) : {} },
  };
  for (const d of deps) packages[`node_modules/${d}`] = { version: "1.0.0" };
  return JSON.stringify({ name: "wide", version: "1.0.0", lockfileVersion: 3, packages });
}

export function widePnpmLock(width: number, wide: Wide): string {
  const deps = names(width);
  const lines = ["lockfileVersion: '9.0'", "", "importers:", "", "  .:", "    dependencies:"];
  for (const d of wide === "root" ? deps : ["hub"])
    lines.push(`      ${d}:`, "        specifier: ^1.0.0", "        version: 1.0.0");
  lines.push("", "packages:", "");
  for (const d of ["hub", ...deps])
    lines.push(`  ${d}@1.0.0:`, "    resolution: {integrity: sha512-AAAA}", "");
  lines.push("snapshots:", "", `  hub@1.0.0:${wide === "root" ? " {}" : ""}`);
  if (wide === "hub") lines.push("    dependencies:");
  if (wide === "hub") for (const d of deps) lines.push(`      ${d}: 1.0.0`);
  for (const d of deps) lines.push(`  ${d}@1.0.0: {}`);
  return `${lines.join("\n")}\n`;
}

export function wideYarnClassicLock(width: number, wide: Wide): string {
  const deps = names(width);
  const lines = ["# yarn lockfile v1", "", "hub@^1.0.0:", '  version "1.0.0"'];
  // Loops, not push(...xs): these lists are longer than a call's arguments may be.
  if (wide === "hub") lines.push("  dependencies:");
  if (wide === "hub") for (const d of deps) lines.push(`    ${d} "^1.0.0"`);
  lines.push("");
  for (const d of deps) lines.push(`${d}@^1.0.0:`, '  version "1.0.0"', "");
  return lines.join("\n");
}

export function wideCycloneDx(width: number, wide: Wide): string {
  const refs = names(width).map((d) => `${d}@1.0.0`);
  const component = (name: string) => ({
    "bom-ref": `${name}@1.0.0`,
    type: "library",
    name,
    version: "1.0.0",
    purl: `pkg:npm/${name}@1.0.0`,
  });
  return JSON.stringify({
    bomFormat: "CycloneDX",
    specVersion: "1.5",
    version: 1,
    metadata: { component: component("wide") },
    components: [component("hub"), ...names(width).map(component)],
    dependencies: [
      { ref: "wide@1.0.0", dependsOn: wide === "root" ? refs : ["hub@1.0.0"] },
      { ref: "hub@1.0.0", dependsOn: wide === "hub" ? refs : [] },
    ],
  });
}

export function wideSpdx(width: number, wide: Wide): string {
  const id = (name: string) => `SPDXRef-Package-${name}-1.0.0`;
  const spdxPackage = (name: string) => ({
    name,
    SPDXID: id(name),
    versionInfo: "1.0.0",
    downloadLocation: "NOASSERTION",
    externalRefs: [
      {
        referenceCategory: "PACKAGE-MANAGER",
        referenceType: "purl",
        referenceLocator: `pkg:npm/${name}@1.0.0`,
      },
    ],
  });
  const dependencyOf = (from: string, to: string) => ({
    spdxElementId: id(from),
    relatedSpdxElement: id(to),
    relationshipType: "DEPENDENCY_OF",
  });
  const parent = wide === "root" ? "wide" : "hub";
  return JSON.stringify({
    spdxVersion: "SPDX-2.3",
    dataLicense: "CC0-1.0",
    SPDXID: "SPDXRef-DOCUMENT",
    name: "wide@1.0.0",
    documentNamespace: "http://spdx.org/spdxdocs/wide",
    creationInfo: { created: "2026-01-01T00:00:00Z", creators: ["Tool: test"] },
    documentDescribes: [id("wide")],
    packages: [spdxPackage("wide"), spdxPackage("hub"), ...names(width).map(spdxPackage)],
    relationships: [
      {
        spdxElementId: "SPDXRef-DOCUMENT",
        relatedSpdxElement: id("wide"),
        relationshipType: "DESCRIBES",
      },
      dependencyOf("hub", "wide"),
      ...names(width).map((d) => dependencyOf(d, parent)),
    ],
  });
}
