import type { PackageOrigin } from "./types.js";

/** Small readers shared by the parsers of untyped lockfile data. */

export function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === "string" ? value : undefined;
}

/**
 * Registry copies are `name@version`, so every format names them alike and
 * projects merge; other sources keep what they resolved to, so a git build of
 * `x@1.0.0` never merges with the registry's `x@1.0.0`.
 */
export function nodeId(
  name: string,
  version: string,
  origin: PackageOrigin,
  resolved: string | undefined,
): string {
  return origin === "registry" ? `${name}@${version}` : `${name}@${resolved ?? version}`;
}
