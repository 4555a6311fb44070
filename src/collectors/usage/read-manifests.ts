import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { findWorkspaceFolders } from "../../inventory/find-workspaces.js";
import { pnpmWorkspacePatterns } from "../../inventory/workspace-patterns.js";
import { isValidPackageName } from "../../util/package-name.js";
import type { ProjectManifest } from "./analyze-usage.js";

/** The root package.json and its workspaces' (npm, yarn, pnpm); empty when the root has none. */
export async function readManifests(root: string): Promise<ProjectManifest[]> {
  const rootData = await readJson(path.join(root, "package.json"));
  if (!rootData) return [];
  const patterns = workspacePatterns(rootData.workspaces);
  const pnpm = await readFile(path.join(root, "pnpm-workspace.yaml"), "utf8").catch(() => null);
  if (pnpm !== null) {
    try {
      patterns.push(...pnpmWorkspacePatterns(parseYaml(pnpm)));
    } catch {
      // A broken pnpm-workspace.yaml is the inventory's to report; here it only loses workspaces.
    }
  }
  const manifests: ProjectManifest[] = [{ dir: "", data: rootData }];
  for (const dir of await findWorkspaceFolders(root, patterns)) {
    const data = await readJson(path.join(root, dir, "package.json"));
    if (data) manifests.push({ dir, data });
  }
  return manifests;
}

/**
 * From each declared package installed in a node_modules of the project: its
 * binaries (binary name → package) and the peer dependencies it asks for.
 * Names are validated before they become paths.
 */
export async function readInstalled(
  root: string,
  manifests: readonly ProjectManifest[],
): Promise<{ bins: Map<string, string>; peers: Map<string, string[]> }> {
  const bins = new Map<string, string>();
  const peers = new Map<string, string[]>();
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
      if (peerSection && typeof peerSection === "object") peers.set(name, Object.keys(peerSection));
      const bin = data?.bin;
      if (typeof bin === "string") bins.set(name.split("/").pop() as string, name);
      else if (bin && typeof bin === "object")
        for (const key of Object.keys(bin)) bins.set(key, name);
    }
  }
  return { bins, peers };
}

function declaredNames(data: Record<string, unknown>): string[] {
  return ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"].flatMap(
    (k) => {
      const section = data[k];
      return section && typeof section === "object" ? Object.keys(section) : [];
    },
  );
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
    const data: unknown = JSON.parse(await readFile(file, "utf8"));
    return data && typeof data === "object" && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
