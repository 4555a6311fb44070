import { existsSync } from "node:fs";
import { open, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import { pnpmWorkspacePatterns } from "../../inventory/workspace-patterns.js";
import { pushAll } from "../../util/extremes.js";
import { isValidPackageName } from "../../util/package-name.js";
import type { ProjectManifest } from "./analyze-usage.js";
import { configRequirements } from "./config-requirements.js";

/** The root package.json and its workspaces' (npm, yarn, pnpm); empty when the root has none. */
export async function readManifests(root: string): Promise<ProjectManifest[]> {
  const rootData = await readJson(path.join(root, "package.json"));
  if (!rootData) return [];
  const patterns = workspacePatterns(rootData.workspaces);
  const pnpm = await readFile(path.join(root, "pnpm-workspace.yaml"), "utf8").catch(() => null);
  if (pnpm !== null) {
    try {
      // Loaded here: most projects have no pnpm-workspace.yaml.
      const { parse: parseYaml } = await import("yaml");
      pushAll(patterns, pnpmWorkspacePatterns(parseYaml(pnpm)));
    } catch {
      // A broken pnpm-workspace.yaml is the inventory's to report; here it only loses workspaces.
    }
  }
  const manifests: ProjectManifest[] = [{ dir: "", data: rootData }];
  for (const dir of await workspaceFolders(root, patterns)) {
    const data = await readJson(path.join(root, dir, "package.json"));
    if (data) manifests.push({ dir, data });
  }
  return manifests;
}

/** What the usage analysis takes from the declared packages' installed copies. */
export interface InstalledFacts {
  /** Binary name → package. */
  bins: Map<string, string>;
  /** Package → the peer dependencies it requires, and the declared packages a shared config loads without declaring them. */
  peers: Map<string, string[]>;
  /** Package → the peer dependencies it marks optional (`peerDependenciesMeta`): loaded only if present. */
  optionalPeers: Map<string, string[]>;
  /** Packages that ship their own type declarations (TypeScript never loads their `@types`). */
  ownTypes: Set<string>;
  /** `@types/x` → the text of its entry declaration file, to see whether it declares globals ("" for a stub). */
  typesEntries: Map<string, string>;
}

/** Past this an `@types` entry is not read: real ones are a few KB, `@types/node`'s index 4 KB. */
const maxTypesEntryBytes = 512 * 1024;

/**
 * From each declared package installed in a node_modules of the project: its
 * binaries, the peer dependencies it asks for, whether it ships its own types,
 * and for `@types` packages the entry file. Names are validated before they
 * become paths.
 */
export async function readInstalled(
  root: string,
  manifests: readonly ProjectManifest[],
): Promise<InstalledFacts> {
  const bins = new Map<string, string>();
  const peers = new Map<string, string[]>();
  const optionalPeers = new Map<string, string[]>();
  const ownTypes = new Set<string>();
  const typesEntries = new Map<string, string>();
  const declared = new Set(manifests.flatMap((m) => declaredNames(m.data)));
  for (const m of manifests) {
    for (const name of declaredNames(m.data)) {
      if (!isValidPackageName(name)) continue;
      const dirs = [
        path.join(root, m.dir, "node_modules", name),
        path.join(root, "node_modules", name),
      ];
      const dir = dirs.find((d) => existsSync(path.join(d, "package.json")));
      const data = dir ? await readJson(path.join(dir, "package.json")) : null;
      const peerSection = data?.peerDependencies;
      if (peerSection && typeof peerSection === "object") {
        const meta = (data?.peerDependenciesMeta ?? {}) as Record<string, { optional?: unknown }>;
        const optional = (peer: string) => meta[peer]?.optional === true;
        peers.set(
          name,
          Object.keys(peerSection).filter((peer) => !optional(peer)),
        );
        optionalPeers.set(name, Object.keys(peerSection).filter(optional));
      }
      const bin = data?.bin;
      if (typeof bin === "string") bins.set(name.split("/").pop() as string, name);
      else if (bin && typeof bin === "object")
        for (const key of Object.keys(bin)) bins.set(key, name);
      if (!dir || !data) continue;
      const required = await configRequirements(name, dir, data, declared);
      if (required.length > 0)
        peers.set(name, [...new Set([...(peers.get(name) ?? []), ...required])]);
      if (name.startsWith("@types/")) {
        const text = await readTypesEntry(dir, data);
        if (text !== null) typesEntries.set(name, text);
      } else if (shipsTypes(dir, data)) ownTypes.add(name);
    }
  }
  return { bins, peers, optionalPeers, ownTypes, typesEntries };
}

/** `types`/`typings`, a `types` condition in `exports`, or an `index.d.ts` at the top, as TypeScript looks. */
function shipsTypes(dir: string, data: Record<string, unknown>): boolean {
  if (typeof data.types === "string" || typeof data.typings === "string") return true;
  if (JSON.stringify(data.exports ?? null).includes('"types"')) return true;
  const main = typeof data.main === "string" ? data.main.replace(/\.[cm]?js$/, "") : "index";
  return [main, "index"].some((base) => existsSync(path.join(dir, `${base}.d.ts`)));
}

/**
 * The text of an `@types` package's entry; "" for a stub (`@types/bcryptjs`
 * 3: "bcryptjs provides its own types"), which names no entry and holds no
 * declaration file: it declares nothing. Null when it cannot be read.
 */
async function readTypesEntry(dir: string, data: Record<string, unknown>): Promise<string | null> {
  const declared = typeof data.types === "string" ? data.types : data.typings;
  const entry = path.resolve(dir, typeof declared === "string" ? declared : "index.d.ts");
  // A stranger's `types: "../../x"` must not make jenga read outside the package.
  if (!entry.startsWith(dir + path.sep)) return null;
  const handle = await open(entry, "r").catch(() => null);
  if (!handle) return (await isTypesStub(dir, data)) ? "" : null;
  try {
    const { size } = await handle.stat();
    if (size > maxTypesEntryBytes) return null;
    return await handle.readFile("utf8");
  } finally {
    await handle.close();
  }
}

/** No `types`, `typings` or `exports` to point elsewhere, and no `.d.ts` file at its top. */
async function isTypesStub(dir: string, data: Record<string, unknown>): Promise<boolean> {
  if (data.types !== undefined || data.typings !== undefined || data.exports !== undefined)
    return false;
  const names = await readdir(dir).catch(() => null);
  return names !== null && !names.some((n) => /\.d\.[cm]?ts$/.test(n));
}

function declaredNames(data: Record<string, unknown>): string[] {
  return ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"].flatMap(
    (k) => {
      const section = data[k];
      return section && typeof section === "object" ? Object.keys(section) : [];
    },
  );
}

/**
 * The folders the workspace patterns name that hold a package.json, with
 * full glob syntax (`packages/{a,b}`, `app?`, `[ab]*`, `**`, `!` exclusions)
 * by tinyglobby; never inside node_modules, never outside the root.
 */
async function workspaceFolders(root: string, patterns: readonly string[]): Promise<string[]> {
  const include = patterns
    .filter((p) => !p.startsWith("!") && !p.split("/").includes(".."))
    .map((p) => `${p.replace(/\/+$/, "")}/package.json`);
  if (include.length === 0) return [];
  const ignore = patterns
    .filter((p) => p.startsWith("!"))
    .map((p) => `${p.slice(1).replace(/\/+$/, "")}/package.json`);
  const found = await glob(include, {
    cwd: root,
    ignore: [...ignore, "**/node_modules/**"],
    followSymbolicLinks: false,
    deep: 9,
  });
  return [...new Set(found.map((f) => path.posix.dirname(f)))].filter((d) => d !== ".").sort();
}

function workspacePatterns(value: unknown): string[] {
  const list =
    value && typeof value === "object" && !Array.isArray(value)
      ? (value as { packages?: unknown }).packages
      : value;
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === "string") : [];
}

async function readJson(file: string): Promise<Record<string, unknown> | null> {
  try {
    const text = await readFile(file, "utf8");
    // A byte order mark (editors on Windows) is legal to npm and not to JSON.parse.
    const data: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    return data && typeof data === "object" && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
