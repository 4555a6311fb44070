import { packageOfSpecifier } from "./package-of-specifier.js";
import { aliasesFor, isAliasPrefix, type PathAliases, resolveAlias } from "./path-aliases.js";
import { resolveRelative } from "./resolve-file.js";
import { resolveSubpathImport } from "./subpath-imports.js";

/** What a specifier names: a project file, a package, or neither (a builtin, a URL, an asset). */
export interface SpecifierTarget {
  file: string | null;
  package: string | null;
  /** How the package is loaded: the specifier, or what a `#` import maps it to (`#dep` → `dep-node/x`). */
  specifier?: string;
}

export interface SpecifierResolver {
  /** What `specifier`, written in `fromFile`, names. */
  resolve(fromFile: string, specifier: string): SpecifierTarget;
  /** True when a computed specifier starting with `prefix` names a project file (`./`, an alias). */
  staysInProject(fromFile: string, prefix: string): boolean;
}

const dependencySections = [
  "dependencies",
  "devDependencies",
  "optionalDependencies",
  "peerDependencies",
];

function keys(value: unknown): string[] {
  return typeof value === "object" && value !== null ? Object.keys(value) : [];
}

const none: SpecifierTarget = { file: null, package: null };

/**
 * Resolves specifiers the way the project's tools do, in their order:
 * relative paths; `#` subpath imports of the nearest package.json; tsconfig
 * `paths`, then `baseUrl`, of the nearest tsconfig/jsconfig; else a package.
 */
export function specifierResolver(
  manifests: readonly { dir: string; data: Record<string, unknown> }[],
  aliases: readonly PathAliases[],
  files: ReadonlySet<string>,
): SpecifierResolver {
  const declared = new Set(
    manifests.flatMap((m) => dependencySections.flatMap((s) => keys(m.data[s]))),
  );
  const workspaces = new Map(
    manifests
      .filter((m) => typeof m.data.name === "string")
      .map((m) => [m.data.name as string, m] as const),
  );
  return {
    resolve(fromFile, specifier) {
      if (/^[./]/.test(specifier)) {
        return { file: resolveRelative(fromFile, specifier, files), package: null };
      }
      if (specifier.startsWith("#")) {
        const manifest = nearestManifest(fromFile, manifests);
        const found = manifest
          ? resolveSubpathImport(specifier, manifest.dir, manifest.data.imports, files)
          : null;
        if (!found) return none;
        return "file" in found
          ? { file: found.file, package: null }
          : { file: null, package: found.package, specifier: found.specifier };
      }
      const own = aliasesFor(fromFile, aliases);
      const alias = own ? resolveAlias(specifier, own, files) : null;
      // Unresolved, TypeScript falls back to node_modules: a declared package is found there.
      if (alias === "project") {
        const name = packageOfSpecifier(specifier);
        return name && declared.has(name) ? { file: null, package: name } : none;
      }
      if (alias) return { file: alias.file, package: null };
      const name = packageOfSpecifier(specifier);
      const workspace = name ? workspaces.get(name) : undefined;
      if (name && workspace) {
        // A sibling workspace imported by its name (`insomnia/src/common/x`): its file is reached.
        const file = workspaceFile(workspace, specifier.slice(name.length), files);
        if (file) return { file, package: null };
      }
      return { file: null, package: name };
    },
    staysInProject(fromFile, prefix) {
      if (/^[./]/.test(prefix)) return true;
      const own = aliasesFor(fromFile, aliases);
      return own !== null && isAliasPrefix(prefix, own);
    },
  };
}

/** `/src/x` in a workspace, or its `main`/`module` (else `index`) for the bare name. */
function workspaceFile(
  workspace: { dir: string; data: Record<string, unknown> },
  subpath: string,
  files: ReadonlySet<string>,
): string | null {
  const from = workspace.dir === "" ? "package.json" : `${workspace.dir}/package.json`;
  if (subpath.startsWith("/")) return resolveRelative(from, `.${subpath}`, files);
  for (const field of [workspace.data.main, workspace.data.module, "index"]) {
    if (typeof field !== "string") continue;
    const file = resolveRelative(from, field.startsWith(".") ? field : `./${field}`, files);
    if (file) return file;
  }
  return null;
}

function nearestManifest<T extends { dir: string }>(
  file: string,
  manifests: readonly T[],
): T | null {
  let best: T | null = null;
  for (const m of manifests) {
    const inside = m.dir === "" || file.startsWith(`${m.dir}/`);
    if (inside && (!best || m.dir.length > best.dir.length)) best = m;
  }
  return best;
}
