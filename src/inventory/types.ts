/**
 * The dependency graph every lockfile, workspace layout and SBOM is read into.
 * Parsers produce a `LockGraph` (nodes and typed edges from importers); one
 * shared pass (`summarizeGraph`) turns it into per-package facts, so every
 * format gets the same definition of "direct", "scope", "dependents" and "path".
 */

/** How a package is reached from the project: the kind of the first edge, refined by optional edges. */
export type Scope = "prod" | "dev" | "optional" | "peer";

/** The formats the inventory reads. */
export type InputKind =
  | "npm-lock" // package-lock.json v1-v3 and npm-shrinkwrap.json
  | "pnpm-lock" // pnpm-lock.yaml v6 and v9
  | "yarn-classic" // yarn.lock v1
  | "yarn-berry" // yarn.lock with __metadata (yarn 2+)
  | "cyclonedx" // CycloneDX SBOM, JSON or XML
  | "spdx" // SPDX 2.3 SBOM, JSON or tag-value
  | "package-json"; // a package.json alone: direct dependencies only

/** Where a resolved package comes from; only registry packages have registry evidence. */
export type PackageOrigin = "registry" | "git" | "file" | "link" | "remote" | "workspace";

/** A resolved package in one lockfile: one name at one version. */
export interface GraphNode {
  /** Unique within the graph; `name@version` for registry packages. */
  id: string;
  /** The real package name (an alias `"x": "npm:y@1"` resolves to `y`). */
  name: string;
  version: string;
  origin: PackageOrigin;
}

/** An importer: the project root or one of its workspaces. Its id never collides with a node id. */
export interface Importer {
  id: string;
  /** Folder relative to the project root, "" for the root itself. */
  path: string;
  name: string;
}

/** `from` is an importer id or a node id; `to` is a node id. */
export interface DependencyEdge {
  from: string;
  to: string;
  type: Scope;
}

export interface LockGraph {
  kind: InputKind;
  /** The file the graph was read from (absolute path). */
  file: string;
  /** The root importer comes first. */
  importers: Importer[];
  nodes: Map<string, GraphNode>;
  edges: DependencyEdge[];
  /** Entries skipped or not understood (a missing version, an invalid name): one line each. */
  warnings: string[];
}

/** One analyzed project, as the JSON result reports it. */
export interface Project {
  /** Absolute path of the project folder (or of the SBOM file). */
  path: string;
  name: string;
  /** Absolute path of the lockfile or SBOM read, or null for a bare package.json. */
  lockfile: string | null;
  kind: InputKind;
}

/** Everything the inventory knows about one package name across all analyzed projects. */
export interface InventoryPackage {
  name: string;
  /** Every resolved version, ascending by semver (non-semver versions last). */
  versions: string[];
  /** Declared by a project root or one of its workspaces. */
  direct: boolean;
  scopes: Scope[];
  /** Distinct packages and importers that depend on it. */
  dependents: number;
  /** A shortest path from a root: [project name, direct dependency, ..., this package]. */
  path: string[];
  /** The names of the packages it depends on (every version's edges, unioned), for downstream effects. */
  dependencies: string[];
  /** The direct dependencies through which it is reached (itself when direct): where the user can act. */
  via: string[];
  /** Paths of the projects that contain it. */
  projects: string[];
  origin: PackageOrigin;
}

export interface Inventory {
  projects: Project[];
  packages: InventoryPackage[];
  /** Lockfile entries that were skipped, each prefixed with the file it came from. */
  warnings: string[];
}
