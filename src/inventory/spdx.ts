import { InputError } from "../errors.js";
import { stringField } from "./lock-entry.js";
import type { LockInput } from "./lock-input.js";
import { isRecord } from "./manifest.js";
import { parseJsonText } from "./parse-text.js";
import { parsePurl } from "./purl.js";
import { buildSbomGraph, type SbomEdge } from "./sbom-graph.js";
import type { LockGraph, Scope } from "./types.js";

/**
 * SPDX 2.3 SBOMs (`npm sbom --sbom-format spdx`, or tag-value written to the
 * spec), JSON and tag-value alike: each format's reader fills an
 * `SpdxDocument`, and this module turns it into a graph. Packages are
 * identified by their `PACKAGE-MANAGER purl` reference, the root is the
 * package the document DESCRIBES, and the graph is the relationships between
 * SPDXIDs (https://spdx.github.io/spdx-spec/v2.3/relationships-between-SPDX-elements/).
 */
export interface SpdxPackage {
  spdxId: string | undefined;
  name: string | undefined;
  purl: string | undefined;
  downloadLocation: string | undefined;
  /** `packageFileName` / `PackageFileName`: where npm found the package in the tree. */
  fileName: string | undefined;
}

export interface SpdxRelationship {
  from: string;
  type: string;
  to: string;
}

export interface SpdxDocument {
  /** `documentDescribes` of the JSON form; DESCRIBES relationships come in `relationships`. */
  describes: string[];
  packages: SpdxPackage[];
  relationships: SpdxRelationship[];
}

/** The document itself, the usual subject of DESCRIBES. */
const DOCUMENT = "SPDXRef-DOCUMENT";

/**
 * How each dependency relationship maps onto an edge: `forward` when the
 * element depends on the related element (A DEPENDS_ON B), backward when the
 * related element depends on it (A DEPENDENCY_OF B: B needs A). npm writes
 * DEPENDENCY_OF, DEV_DEPENDENCY_OF, OPTIONAL_DEPENDENCY_OF and, for peers,
 * PREREQUISITE_FOR. Test and build dependencies are not shipped: dev, as
 * CycloneDX's `excluded`. A provided dependency is supplied by whoever installs
 * the package: a peer, in npm's words.
 */
const DEPENDENCY_TYPES: Record<string, { forward: boolean; type: Scope }> = {
  DEPENDS_ON: { forward: true, type: "prod" },
  DEPENDENCY_OF: { forward: false, type: "prod" },
  RUNTIME_DEPENDENCY_OF: { forward: false, type: "prod" },
  DEV_DEPENDENCY_OF: { forward: false, type: "dev" },
  TEST_DEPENDENCY_OF: { forward: false, type: "dev" },
  BUILD_DEPENDENCY_OF: { forward: false, type: "dev" },
  OPTIONAL_DEPENDENCY_OF: { forward: false, type: "optional" },
  PROVIDED_DEPENDENCY_OF: { forward: false, type: "peer" },
  PREREQUISITE_FOR: { forward: false, type: "peer" },
  HAS_PREREQUISITE: { forward: true, type: "peer" },
};

export function parseSpdxJson(input: LockInput): LockGraph {
  const data = parseJsonText(input.text, input.label);
  if (!isRecord(data) || typeof data.spdxVersion !== "string") {
    throw new InputError(input.label, 'not an SPDX SBOM: "spdxVersion" is not a string');
  }
  checkSpdxVersion(data.spdxVersion, input.label);
  return spdxGraph(documentOfJson(data), input);
}

/** SPDX 3 is a different model (JSON-LD elements), not a new field or two. */
export function checkSpdxVersion(version: string, label: string): void {
  if (!/^SPDX-2\.\d+$/.test(version)) {
    throw new InputError(
      label,
      `unsupported SPDX version ${JSON.stringify(version.slice(0, 40))}: jenga reads SPDX 2.x`,
    );
  }
}

export function spdxGraph(document: SpdxDocument, input: LockInput): LockGraph {
  const described = [...document.describes];
  for (const relationship of document.relationships) {
    if (relationship.type === "DESCRIBES" && relationship.from === DOCUMENT)
      described.push(relationship.to);
    if (relationship.type === "DESCRIBED_BY" && relationship.to === DOCUMENT)
      described.push(relationship.from);
  }
  // A document may describe several packages; the first is the project, as npm writes it.
  const rootRef = described[0];
  const root = document.packages.find((pkg) => pkg.spdxId !== undefined && pkg.spdxId === rootRef);
  const dependencies = document.relationships.filter(
    (relationship) => DEPENDENCY_TYPES[relationship.type] !== undefined,
  );
  const edges: SbomEdge[] = dependencies.map((relationship) => {
    const { forward, type } = DEPENDENCY_TYPES[relationship.type] as {
      forward: boolean;
      type: Scope;
    };
    return forward
      ? { from: relationship.from, to: relationship.to, type }
      : { from: relationship.to, to: relationship.from, type };
  });
  return buildSbomGraph(
    {
      kind: "spdx",
      rootRef,
      rootName: root ? ((root.purl && parsePurl(root.purl)?.name) ?? root.name) : undefined,
      components: document.packages.map((pkg) => ({
        ref: pkg.spdxId,
        purl: pkg.purl,
        downloadUrl: downloadUrl(pkg),
      })),
      edges,
    },
    input,
  );
}

/**
 * NOASSERTION and NONE say nothing about where a package came from. npm then
 * still names where it found the package: a folder outside node_modules
 * (`vendor/local-lib`) is a `file:` dependency, which must not be looked up in
 * the registry under a name that may belong to someone else.
 */
function downloadUrl(pkg: SpdxPackage): string | undefined {
  const location = pkg.downloadLocation;
  if (location !== undefined && location !== "NOASSERTION" && location !== "NONE") return location;
  const folder = pkg.fileName;
  if (folder && !/(^|\/)node_modules\//.test(folder)) return `file:${folder}`;
  return undefined;
}

function documentOfJson(data: Record<string, unknown>): SpdxDocument {
  const packages: SpdxPackage[] = [];
  for (const pkg of Array.isArray(data.packages) ? data.packages : []) {
    if (!isRecord(pkg)) continue;
    packages.push({
      spdxId: stringField(pkg, "SPDXID"),
      name: stringField(pkg, "name"),
      purl: purlOfJson(pkg),
      downloadLocation: stringField(pkg, "downloadLocation"),
      fileName: stringField(pkg, "packageFileName"),
    });
  }
  const relationships: SpdxRelationship[] = [];
  for (const relationship of Array.isArray(data.relationships) ? data.relationships : []) {
    if (!isRecord(relationship)) continue;
    const from = stringField(relationship, "spdxElementId");
    const type = stringField(relationship, "relationshipType");
    const to = stringField(relationship, "relatedSpdxElement");
    if (from !== undefined && type !== undefined && to !== undefined)
      relationships.push({ from, type: type.toUpperCase(), to });
  }
  const describes = Array.isArray(data.documentDescribes)
    ? data.documentDescribes.filter((id): id is string => typeof id === "string")
    : [];
  return { describes, packages, relationships };
}

/** The first `PACKAGE-MANAGER purl` reference (SPDX 2.2 spelled the category PACKAGE_MANAGER). */
function purlOfJson(pkg: Record<string, unknown>): string | undefined {
  for (const reference of Array.isArray(pkg.externalRefs) ? pkg.externalRefs : []) {
    if (!isRecord(reference) || reference.referenceType !== "purl") continue;
    const locator = stringField(reference, "referenceLocator");
    if (locator !== undefined) return locator;
  }
  return undefined;
}
