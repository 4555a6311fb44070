import { isPlausibleVersion, isValidPackageName, quote } from "./package-name.js";
import type {
  DependencyEdge,
  GraphNode,
  Importer,
  InputKind,
  LockGraph,
  PackageOrigin,
  Scope,
} from "./types.js";

/**
 * The one way parsers create a LockGraph: names are validated here, edges are
 * deduplicated here, and skipped entries become warnings here, so every format
 * gets the same guarantees.
 */
export class GraphBuilder {
  readonly warnings: string[] = [];
  private readonly importers: Importer[] = [];
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges: DependencyEdge[] = [];
  private readonly edgeKeys = new Set<string>();
  private readonly declaredPeers: { importer: string; names: Set<string> }[] = [];

  constructor(
    private readonly kind: InputKind,
    private readonly file: string,
  ) {}

  /** Importer ids contain `:`, which no valid package name does, so they never collide with node ids. */
  addImporter(path: string, name: string): string {
    const id = importerId(path);
    if (!this.importers.some((importer) => importer.id === id)) {
      this.importers.push({ id, path, name });
    }
    return id;
  }

  /**
   * Adds (or finds) a node; returns its id, or null after a warning when the
   * name or version is not acceptable. `key` is what the lockfile calls the
   * entry, for the warning.
   */
  addNode(
    key: string,
    node: { name: string; version: string; origin: PackageOrigin; id?: string },
  ): string | null {
    if (!isValidPackageName(node.name)) {
      this.warn(`skipped ${quote(key)}: ${quote(node.name)} is not a valid package name`);
      return null;
    }
    if (!isPlausibleVersion(node.version)) {
      this.warn(`skipped ${quote(key)}: unreadable version ${quote(node.version)}`);
      return null;
    }
    const id = node.id ?? `${node.name}@${node.version}`;
    if (!this.nodes.has(id)) {
      this.nodes.set(id, { id, name: node.name, version: node.version, origin: node.origin });
    }
    return id;
  }

  hasNode(id: string): boolean {
    return this.nodes.has(id);
  }

  addEdge(from: string, to: string, type: Scope): void {
    if (from === to) return;
    const key = `${from}\u0000${to}\u0000${type}`;
    if (this.edgeKeys.has(key)) return;
    this.edgeKeys.add(key);
    this.edges.push({ from, to, type });
  }

  /**
   * Peer dependencies an importer declares. Most lockfiles do not resolve them
   * (yarn, pnpm); when the importer also depends on the name (the usual dev copy
   * to test against), that copy gets a peer edge too, in every format alike.
   */
  declarePeers(importer: string, names: Iterable<string>): void {
    this.declaredPeers.push({ importer, names: new Set(names) });
  }

  warn(message: string): void {
    this.warnings.push(message);
  }

  build(): LockGraph {
    this.addDeclaredPeerEdges();
    // The contract says the root importer comes first; parsers may meet it late.
    const importers = [...this.importers].sort((a, b) =>
      a.path === "" ? -1 : b.path === "" ? 1 : a.path.localeCompare(b.path),
    );
    return {
      kind: this.kind,
      file: this.file,
      importers,
      nodes: this.nodes,
      edges: this.edges,
      warnings: this.warnings,
    };
  }

  private addDeclaredPeerEdges(): void {
    if (this.declaredPeers.length === 0) return;
    const peersOf = new Map(this.declaredPeers.map((peers) => [peers.importer, peers.names]));
    for (const edge of [...this.edges]) {
      const name = this.nodes.get(edge.to)?.name;
      if (name !== undefined && peersOf.get(edge.from)?.has(name))
        this.addEdge(edge.from, edge.to, "peer");
    }
  }
}

export function importerId(path: string): string {
  return `importer:${path}`;
}
