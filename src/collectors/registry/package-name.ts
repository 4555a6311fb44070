/**
 * Which names may be asked of a registry, and the URL path for one. A name
 * comes from a lockfile or an SBOM, so it is untrusted: it must never add a
 * path segment, a query or a fragment to the registry URL.
 */

/**
 * npm caps new names at 214 characters, but packages published before that
 * rule may be longer; this bound only keeps URLs sane.
 */
const MAX_REQUESTABLE_NAME_LENGTH = 1024;

/** Names the registry reserves (validate-npm-package-name's blocklist). */
const BLOCKED_NAMES: ReadonlySet<string> = new Set(["node_modules", "favicon.ico"]);

const SCOPED_NAME = /^@([^/]+)\/([^/]+)$/;

/**
 * The rules of validate-npm-package-name's `validForOldPackages`: the registry
 * still serves packages with capitals or `~'!()*` in their names, so those are
 * accepted; what is rejected could not be a package or would change the URL.
 */
export function isValidPackageName(name: string): boolean {
  if (name.length === 0 || name.length > MAX_REQUESTABLE_NAME_LENGTH) return false;
  if (name.trim() !== name || name.startsWith(".") || name.startsWith("_")) return false;
  if (BLOCKED_NAMES.has(name.toLowerCase())) return false;
  const scoped = SCOPED_NAME.exec(name);
  const parts = scoped ? [scoped[1] ?? "", scoped[2] ?? ""] : [name];
  return parts.every((part) => part !== "" && encodeURIComponent(part) === part);
}

/** The scope of `@scope/name`, with its `@`, or null. */
export function scopeOf(name: string): string | null {
  return SCOPED_NAME.exec(name) ? name.slice(0, name.indexOf("/")) : null;
}

/**
 * The packument URL: the registry's base URL plus the name, the scope's slash
 * encoded as `%2f` (npm-package-arg's `escapedName`; pacote joins it with the
 * registry after removing trailing slashes). Only for valid names.
 */
export function packumentUrl(registry: string, name: string): string {
  return `${registry.replace(/\/+$/, "")}/${name.replace("/", "%2f")}`;
}
