/**
 * Workspace globs as npm, yarn and pnpm write them: `packages/*`, `apps/**`,
 * literal folders, and `!` exclusions. Only the subset these tools document is
 * supported: `*` within a segment, `**` across segments.
 */

export interface WorkspacePatterns {
  include: RegExp[];
  exclude: RegExp[];
}

export function compileWorkspacePatterns(patterns: readonly string[]): WorkspacePatterns {
  const include: RegExp[] = [];
  const exclude: RegExp[] = [];
  for (const raw of patterns) {
    const negated = raw.startsWith("!");
    const regexp = globToRegExp(normalizePattern(negated ? raw.slice(1) : raw));
    (negated ? exclude : include).push(regexp);
  }
  return { include, exclude };
}

export function matchesWorkspace(path: string, patterns: WorkspacePatterns): boolean {
  if (path === "" || path.split("/").includes("node_modules")) return false;
  return (
    patterns.include.some((regexp) => regexp.test(path)) &&
    !patterns.exclude.some((regexp) => regexp.test(path))
  );
}

/** `./packages/app/` and `packages/app` mean the same folder. */
export function normalizePattern(pattern: string): string {
  return pattern
    .trim()
    .replace(/^(\.\/)+/, "")
    .replace(/\/+$/, "");
}

function globToRegExp(glob: string): RegExp {
  let source = "";
  const segments = glob.split("/");
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment === "**") {
      // Zero or more whole segments.
      source += last ? ".*" : "(?:[^/]+/)*";
      return;
    }
    source += segment
      .split("*")
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join("[^/]*");
    if (!last) source += "/";
  });
  return new RegExp(`^${source}$`);
}

/** pnpm-workspace.yaml's `packages` list; a parsed YAML value of any shape is accepted. */
export function pnpmWorkspacePatterns(data: unknown): string[] {
  if (typeof data !== "object" || data === null) return [];
  const packages = (data as { packages?: unknown }).packages;
  return Array.isArray(packages)
    ? packages.filter((item): item is string => typeof item === "string")
    : [];
}
