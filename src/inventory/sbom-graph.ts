import { InputError } from "../errors.js";
import { GraphBuilder } from "./graph-builder.js";
import { nodeId } from "./lock-entry.js";
import type { LockInput } from "./lock-input.js";
import { originOfSpec } from "./origin.js";
import { type NpmPurl, parsePurl, purlType } from "./purl.js";
import type { InputKind, LockGraph, PackageOrigin, Scope } from "./types.js";

/**
 * What every SBOM format (CycloneDX JSON and XML, SPDX JSON and tag-value)
 * is read into before it becomes a graph: components identified by purl and
 * typed edges between their references. One builder, so every format counts
 * other ecosystems, reports a missing graph and treats a hostile component alike.
 */
export interface SbomComponent {
  /** The SBOM's own reference (bom-ref, SPDXID), when it has one. */
  ref: string | undefined;
  purl: string | undefined;
  /** Where the package was downloaded from, when the SBOM says. */
  downloadUrl: string | undefined;
}

export interface SbomEdge {
  from: string;
  to: string;
  type: Scope;
}

export interface SbomDocument {
  kind: InputKind;
  /** The reference of the component the SBOM describes (the project), and its name. */
  rootRef: string | undefined;
  rootName: string | undefined;
  components: SbomComponent[];
  /** null when the SBOM records no dependency graph at all. */
  edges: SbomEdge[] | null;
}

export const NO_GRAPH_WARNING = "no dependency graph: direct and transitive unknown";
export const NO_ROOT_WARNING = "no edge from the described root: direct dependencies unknown";

/** The ecosystem word for a component that has no purl. */
const NO_PURL = "";

export function buildSbomGraph(document: SbomDocument, input: LockInput): LockGraph {
  const builder = new GraphBuilder(document.kind, input.file);
  const root = builder.addImporter("", document.rootName ?? input.fallbackName);
  const idOfRef = new Map<string, string>();
  if (document.rootRef !== undefined) idOfRef.set(document.rootRef, root);
  const others = new Map<string, number>();
  let npm = 0;
  for (const component of document.components) {
    if (component.ref !== undefined && component.ref === document.rootRef) continue;
    const purl = component.purl === undefined ? null : parsePurl(component.purl);
    if (!purl) {
      // An npm purl that does not decode is as unreadable as none.
      const type = (component.purl && purlType(component.purl)) || NO_PURL;
      const ecosystem = type === "npm" ? NO_PURL : type;
      others.set(ecosystem, (others.get(ecosystem) ?? 0) + 1);
      continue;
    }
    npm++;
    const key = component.ref ?? `${purl.name}@${purl.version}`;
    const origin = componentOrigin(component, purl);
    const id = builder.addNode(key, {
      name: purl.name,
      version: purl.version,
      origin,
      id: nodeId(purl.name, purl.version, origin, component.downloadUrl ?? purl.version),
    });
    if (id) idOfRef.set(key, id);
  }
  if (others.size > 0) {
    const line = otherEcosystemsLine(others);
    // An SBOM of another ecosystem would otherwise read as "0 packages, nothing to act on".
    if (npm === 0) throw new InputError(input.label, line);
    builder.warn(line);
  }
  const edges = document.edges ?? [];
  if (npm > 0 && edges.length === 0) builder.warn(NO_GRAPH_WARNING);
  let fromRoot = false;
  for (const edge of edges) {
    const from = idOfRef.get(edge.from);
    const to = idOfRef.get(edge.to);
    if (!from || !to) continue;
    builder.addEdge(from, to, edge.type);
    fromRoot ||= from === root;
  }
  // A graph that never leaves the root (none described, or a wrong reference) shows no
  // direct dependency; without this line that would read as "everything is transitive".
  if (npm > 0 && edges.length > 0 && !fromRoot) builder.warn(NO_ROOT_WARNING);
  return builder.build();
}

/** "62 composer components, 1 component without a readable package URL not analysed: jenga reads npm packages". */
export function otherEcosystemsLine(counts: ReadonlyMap<string, number>): string {
  const parts = [...counts]
    .sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
    .map(([type, count]) => {
      const noun = count === 1 ? "component" : "components";
      return type === NO_PURL
        ? `${count} ${noun} without a readable package URL`
        : `${count} ${type} ${noun}`;
    });
  return `${parts.join(", ")} not analysed: jenga reads npm packages`;
}

function componentOrigin(component: SbomComponent, purl: NpmPurl): PackageOrigin {
  if (purl.qualifiers.has("vcs_url")) return "git";
  return originOfSpec(purl.qualifiers.get("download_url") ?? component.downloadUrl, purl.name);
}
