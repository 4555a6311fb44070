import { InputError } from "../errors.js";
import { pushAll } from "../util/extremes.js";
import { stringField } from "./lock-entry.js";
import type { LockInput } from "./lock-input.js";
import { isRecord } from "./manifest.js";
import { parseJsonText } from "./parse-text.js";
import { parsePurl } from "./purl.js";
import { buildSbomGraph, type SbomEdge } from "./sbom-graph.js";
import type { LockGraph, Scope } from "./types.js";

/**
 * CycloneDX SBOMs (`npm sbom`, @cyclonedx/cyclonedx-npm), JSON and XML alike:
 * each format's reader fills a `CycloneDxBom`, and this module turns it into a
 * graph. npm components are identified by purl (`pkg:npm/%40scope/name@1.0.0`),
 * the graph is the `dependencies` list of bom-refs, and `metadata.component` is
 * the root. Neither producer marks workspaces, so a workspace listed as a
 * component is read as a package.
 */
export interface CycloneDxComponent {
  bomRef: string | undefined;
  name: string | undefined;
  purl: string | undefined;
  scope: string | undefined;
  /** npm's `cdx:npm:package:development` property is "true". */
  development: boolean;
  distributionUrl: string | undefined;
}

export interface CycloneDxBom {
  root: CycloneDxComponent | undefined;
  /** Every component, bundled ones (nested in the component that bundles them) included. */
  components: CycloneDxComponent[];
  /** null when the SBOM has no `dependencies` at all. */
  dependencies: { ref: string; dependsOn: string[] }[] | null;
}

export function parseCycloneDx(input: LockInput): LockGraph {
  const data = parseJsonText(input.text, input.label);
  if (!isRecord(data) || data.bomFormat !== "CycloneDX") {
    throw new InputError(input.label, 'not a CycloneDX SBOM: "bomFormat" is not "CycloneDX"');
  }
  return cycloneDxGraph(bomOfJson(data), input);
}

export function cycloneDxGraph(bom: CycloneDxBom, input: LockInput): LockGraph {
  const root = bom.root;
  const kindOfRef = new Map<string, Scope>();
  for (const component of bom.components) {
    const ref = referenceOf(component);
    if (ref !== undefined) kindOfRef.set(ref, componentKind(component));
  }
  let edges: SbomEdge[] | null = null;
  if (bom.dependencies) {
    edges = [];
    for (const { ref, dependsOn } of bom.dependencies) {
      // The component's own flags say how it is needed, wherever the edge starts.
      for (const to of dependsOn) edges.push({ from: ref, to, type: kindOfRef.get(to) ?? "prod" });
    }
  }
  return buildSbomGraph(
    {
      kind: "cyclonedx",
      rootRef: root?.bomRef,
      rootName: root ? ((root.purl && parsePurl(root.purl)?.name) ?? root.name) : undefined,
      components: bom.components.map((component) => ({
        ref: referenceOf(component),
        purl: component.purl,
        downloadUrl: component.distributionUrl,
      })),
      edges,
    },
    input,
  );
}

/** A component without a bom-ref is named by its purl's name and version, for warnings. */
function referenceOf(component: CycloneDxComponent): string | undefined {
  if (component.bomRef !== undefined) return component.bomRef;
  const purl = component.purl && parsePurl(component.purl);
  return purl ? `${purl.name}@${purl.version}` : undefined;
}

/** `scope: optional`, `scope: excluded` (not shipped: dev tooling), and npm's development property. */
function componentKind(component: CycloneDxComponent): Scope {
  if (component.development || component.scope === "excluded") return "dev";
  return component.scope === "optional" ? "optional" : "prod";
}

function bomOfJson(data: Record<string, unknown>): CycloneDxBom {
  const metadata = isRecord(data.metadata) ? data.metadata : {};
  const components: CycloneDxComponent[] = [];
  const stack = Array.isArray(data.components) ? [...data.components] : [];
  while (stack.length > 0) {
    const component = stack.pop();
    if (!isRecord(component)) continue;
    if (Array.isArray(component.components)) pushAll(stack, component.components);
    components.push(componentOfJson(component));
  }
  let dependencies: CycloneDxBom["dependencies"] = null;
  if (Array.isArray(data.dependencies)) {
    dependencies = [];
    for (const dependency of data.dependencies) {
      const ref = isRecord(dependency) ? stringField(dependency, "ref") : undefined;
      if (ref === undefined || !isRecord(dependency) || !Array.isArray(dependency.dependsOn))
        continue;
      const dependsOn = dependency.dependsOn.filter((to): to is string => typeof to === "string");
      dependencies.push({ ref, dependsOn });
    }
  }
  return {
    root: isRecord(metadata.component) ? componentOfJson(metadata.component) : undefined,
    components,
    dependencies,
  };
}

function componentOfJson(component: Record<string, unknown>): CycloneDxComponent {
  const properties = Array.isArray(component.properties) ? component.properties : [];
  const references = Array.isArray(component.externalReferences)
    ? component.externalReferences
    : [];
  const distribution = references.find(
    (reference) =>
      isRecord(reference) && reference.type === "distribution" && typeof reference.url === "string",
  ) as { url: string } | undefined;
  return {
    bomRef: stringField(component, "bom-ref"),
    name: stringField(component, "name"),
    purl: stringField(component, "purl"),
    scope: stringField(component, "scope"),
    development: properties.some(
      (property) =>
        isRecord(property) &&
        property.name === "cdx:npm:package:development" &&
        property.value === "true",
    ),
    distributionUrl: distribution?.url,
  };
}
