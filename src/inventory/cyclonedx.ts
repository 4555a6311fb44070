import { InputError } from "../errors.js";
import { pushAll } from "../util/extremes.js";
import { GraphBuilder } from "./graph-builder.js";
import { nodeId, stringField } from "./lock-entry.js";
import type { LockInput } from "./lock-input.js";
import { isRecord } from "./manifest.js";
import { originOfSpec } from "./origin.js";
import { parseJsonText } from "./parse-text.js";
import type { LockGraph, PackageOrigin, Scope } from "./types.js";

/**
 * CycloneDX JSON SBOMs (`npm sbom`, @cyclonedx/cyclonedx-npm). npm components
 * are identified by purl (`pkg:npm/%40scope/name@1.0.0`), the graph is the
 * `dependencies` list of bom-refs, and `metadata.component` is the root.
 * Neither producer marks workspaces, so a workspace listed as a component is
 * read as a package.
 */
export function parseCycloneDx(input: LockInput): LockGraph {
  const data = parseJsonText(input.text, input.label);
  if (!isRecord(data) || data.bomFormat !== "CycloneDX") {
    throw new InputError(input.label, 'not a CycloneDX SBOM: "bomFormat" is not "CycloneDX"');
  }
  const builder = new GraphBuilder("cyclonedx", input.file);
  const metadata = isRecord(data.metadata) ? data.metadata : {};
  const rootComponent = isRecord(metadata.component) ? metadata.component : {};
  const rootName = purlOf(rootComponent)?.name ?? stringField(rootComponent, "name");
  const root = builder.addImporter("", rootName ?? input.fallbackName);

  const idOfRef = new Map<string, string>();
  const kindOf = new Map<string, Scope>();
  const rootRef = stringField(rootComponent, "bom-ref");
  if (rootRef) idOfRef.set(rootRef, root);
  let otherEcosystems = 0;

  const stack = Array.isArray(data.components) ? [...data.components] : [];
  while (stack.length > 0) {
    const component = stack.pop();
    if (!isRecord(component)) continue;
    // Bundled dependencies nest inside the component that bundles them.
    if (Array.isArray(component.components)) pushAll(stack, component.components);
    const purl = purlOf(component);
    if (!purl) {
      otherEcosystems++;
      continue;
    }
    const origin = componentOrigin(component, purl);
    const key = stringField(component, "bom-ref") ?? `${purl.name}@${purl.version}`;
    const id = builder.addNode(key, {
      name: purl.name,
      version: purl.version,
      origin,
      id: nodeId(purl.name, purl.version, origin, distributionUrl(component) ?? purl.version),
    });
    if (!id) continue;
    idOfRef.set(key, id);
    kindOf.set(id, componentKind(component));
  }
  if (otherEcosystems > 0)
    builder.warn(`skipped ${otherEcosystems} components that are not npm packages`);

  if (!Array.isArray(data.dependencies)) {
    builder.warn("no dependency graph: direct and transitive packages cannot be told apart");
  }
  for (const dependency of Array.isArray(data.dependencies) ? data.dependencies : []) {
    if (!isRecord(dependency) || !Array.isArray(dependency.dependsOn)) continue;
    const from = idOfRef.get(stringField(dependency, "ref") ?? "");
    if (!from) continue;
    for (const ref of dependency.dependsOn) {
      const to = typeof ref === "string" ? idOfRef.get(ref) : undefined;
      if (!to) continue;
      // The component's own flags say how it is needed, wherever the edge starts.
      builder.addEdge(from, to, kindOf.get(to) ?? "prod");
    }
  }
  return builder.build();
}

/** `pkg:npm/%40scope/name@1.0.0?qualifiers#subpath`; producers differ on encoding the `@` of a scope. */
export function parsePurl(
  purl: string,
): { name: string; version: string; qualifiers: URLSearchParams } | null {
  if (!purl.startsWith("pkg:npm/")) return null;
  let rest = purl.slice("pkg:npm/".length).split("#")[0] ?? "";
  const question = rest.indexOf("?");
  const qualifiers = new URLSearchParams(question < 0 ? "" : rest.slice(question + 1));
  if (question >= 0) rest = rest.slice(0, question);
  const at = rest.lastIndexOf("@");
  const hasVersion = at > 0 && !rest.slice(at).includes("/");
  try {
    const name = decodeURIComponent(hasVersion ? rest.slice(0, at) : rest);
    const version = hasVersion ? decodeURIComponent(rest.slice(at + 1)) : "";
    return { name, version, qualifiers };
  } catch {
    return null;
  }
}

function purlOf(
  component: Record<string, unknown>,
): { name: string; version: string; qualifiers: URLSearchParams } | null {
  const purl = stringField(component, "purl");
  return purl ? parsePurl(purl) : null;
}

function componentOrigin(
  component: Record<string, unknown>,
  purl: { name: string; qualifiers: URLSearchParams },
): PackageOrigin {
  if (purl.qualifiers.has("vcs_url")) return "git";
  const url = purl.qualifiers.get("download_url") ?? distributionUrl(component);
  return originOfSpec(url, purl.name);
}

function distributionUrl(component: Record<string, unknown>): string | undefined {
  const references = Array.isArray(component.externalReferences)
    ? component.externalReferences
    : [];
  for (const reference of references) {
    if (
      isRecord(reference) &&
      reference.type === "distribution" &&
      typeof reference.url === "string"
    ) {
      return reference.url;
    }
  }
  return undefined;
}

/** `scope: optional`, `scope: excluded` (not shipped: dev tooling), and npm's development property. */
function componentKind(component: Record<string, unknown>): Scope {
  const properties = Array.isArray(component.properties) ? component.properties : [];
  const development = properties.some(
    (property) =>
      isRecord(property) &&
      property.name === "cdx:npm:package:development" &&
      property.value === "true",
  );
  if (development || component.scope === "excluded") return "dev";
  return component.scope === "optional" ? "optional" : "prod";
}
