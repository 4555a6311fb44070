import { GraphBuilder } from "./graph-builder.js";
import { nodeId } from "./lock-entry.js";
import type { LockInput } from "./lock-input.js";
import { declaredDependencies, importerName, parseManifest } from "./manifest.js";
import { originOfSpec } from "./origin.js";
import { parseAlias } from "./package-name.js";
import type { LockGraph } from "./types.js";

/**
 * A package.json without a lockfile: only the declared dependencies are known
 * and nothing is resolved. A range is not a version, so every node has the
 * version "" (the package's `versions` list stays empty) and all ranges of one
 * name are one node; the analysis then reads the registry's latest facts.
 */
export function parsePackageJson(input: LockInput): LockGraph {
  const builder = new GraphBuilder("package-json", input.file);
  const manifests = new Map(input.manifests);
  manifests.set("", parseManifest(input.text, input.label));
  const workspaceNames = new Set<string>();
  for (const [path, manifest] of manifests) {
    if (path !== "" && manifest.name) workspaceNames.add(manifest.name);
  }
  for (const [path, manifest] of [...manifests].sort(([a], [b]) => a.localeCompare(b))) {
    const importer = builder.addImporter(path, importerName(manifests, path, input.fallbackName));
    for (const dependency of declaredDependencies(manifest)) {
      const alias = parseAlias(dependency.spec);
      const origin = alias ? "registry" : originOfSpec(dependency.spec, dependency.name);
      // npm and yarn link a workspace whose name is declared, whatever the range says.
      if (origin === "workspace" || (!alias && workspaceNames.has(dependency.name))) continue;
      const name = alias?.name ?? dependency.name;
      const id = builder.addNode(dependency.name, {
        name,
        version: "",
        origin,
        id: nodeId(name, "", origin, dependency.spec),
      });
      if (id) builder.addEdge(importer, id, dependency.type);
    }
  }
  return builder.build();
}
