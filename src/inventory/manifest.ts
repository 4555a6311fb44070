import { InputError } from "../errors.js";
import { parseJsonText } from "./parse-text.js";
import type { Scope } from "./types.js";

/** The parts of a package.json the inventory reads. */
export interface Manifest {
  name: string | null;
  version: string | null;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  optionalDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  /** npm and yarn `workspaces`, as an array or as `{ packages: [...] }`. */
  workspaces: string[];
}

/** Manifests of a project keyed by folder relative to the project root ("" for the root). */
export type Manifests = ReadonlyMap<string, Manifest>;

export interface DeclaredDependency {
  name: string;
  spec: string;
  type: Scope;
}

export function parseManifest(text: string, file: string): Manifest {
  const data = parseJsonText(text, file);
  if (!isRecord(data)) throw new InputError(file, "package.json is not a JSON object");
  return manifestFromRecord(data);
}

/** Lockfile entries (npm's `packages[""]`, yarn's workspace entries) have the same shape as a manifest. */
export function manifestFromRecord(data: Record<string, unknown>): Manifest {
  return {
    name: typeof data.name === "string" ? data.name : null,
    version: typeof data.version === "string" ? data.version : null,
    dependencies: stringRecord(data.dependencies),
    devDependencies: stringRecord(data.devDependencies),
    optionalDependencies: stringRecord(data.optionalDependencies),
    peerDependencies: stringRecord(data.peerDependencies),
    workspaces: workspacePatterns(data.workspaces),
  };
}

/**
 * Every declared dependency with its edge type. A name in both `dependencies`
 * and `optionalDependencies` is optional, as npm and yarn install it; a name in
 * `peerDependencies` and `devDependencies` (the usual way to test against a
 * peer) yields both a dev and a peer declaration.
 */
export function declaredDependencies(manifest: Manifest): DeclaredDependency[] {
  const declared: DeclaredDependency[] = [];
  for (const [name, spec] of Object.entries(manifest.dependencies)) {
    if (!(name in manifest.optionalDependencies)) declared.push({ name, spec, type: "prod" });
  }
  const sections: [Record<string, string>, Scope][] = [
    [manifest.optionalDependencies, "optional"],
    [manifest.devDependencies, "dev"],
    [manifest.peerDependencies, "peer"],
  ];
  for (const [section, type] of sections) {
    for (const [name, spec] of Object.entries(section)) declared.push({ name, spec, type });
  }
  return declared;
}

/** The edge type a manifest gives to `name` when a lockfile does not say (yarn berry merges sections). */
export function declaredType(manifest: Manifest | undefined, name: string): Scope {
  if (!manifest) return "prod";
  if (name in manifest.optionalDependencies) return "optional";
  if (name in manifest.dependencies) return "prod";
  if (name in manifest.devDependencies) return "dev";
  if (name in manifest.peerDependencies) return "peer";
  return "prod";
}

export function emptyManifest(): Manifest {
  return {
    name: null,
    version: null,
    dependencies: {},
    devDependencies: {},
    optionalDependencies: {},
    peerDependencies: {},
    workspaces: [],
  };
}

/** The folder's own name is the fallback npm and pnpm use for a nameless workspace. */
export function importerName(manifests: Manifests, path: string, fallback: string): string {
  return manifests.get(path)?.name ?? (path.split("/").pop() || fallback);
}

function workspacePatterns(value: unknown): string[] {
  const list = isRecord(value) ? value.packages : value;
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === "string") : [];
}

function stringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(value)) return out;
  for (const [key, spec] of Object.entries(value)) if (typeof spec === "string") out[key] = spec;
  return out;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
