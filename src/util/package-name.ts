import validateNpmPackageName from "validate-npm-package-name";

/**
 * npm caps new names at 214 characters, but packages published before that
 * rule may be longer; this bound only keeps URLs and cache keys sane.
 */
const maxNameLength = 1024;

/**
 * Whether a name from a lockfile, an SBOM or a packument may be used as a
 * package name: npm's own rules for names the registry still serves
 * (validate-npm-package-name's `validForOldPackages`: capitals and `~'!()*`
 * allowed; leading `.` or `_`, spaces, path segments, URL-changing and control
 * characters refused). One rule for every stage, so a name that passed the
 * inventory is safe in a registry URL and a cache key.
 */
export function isValidPackageName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= maxNameLength &&
    validateNpmPackageName(name).validForOldPackages
  );
}

const SCOPED_NAME = /^@([^/]+)\/([^/]+)$/;

/** The scope of `@scope/name`, with its `@`, or null. */
export function scopeOf(name: string): string | null {
  return SCOPED_NAME.exec(name) ? name.slice(0, name.indexOf("/")) : null;
}
