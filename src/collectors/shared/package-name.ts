/**
 * Which names may be asked of a registry, and the URL path for one. A name
 * comes from a lockfile or an SBOM, so it is untrusted: it must never add a
 * path segment, a query or a fragment to the registry URL.
 */

export { isValidPackageName, scopeOf } from "../../util/package-name.js";

/**
 * The packument URL: the registry's base URL plus the name, the scope's slash
 * encoded as `%2f` (npm-package-arg's `escapedName`; pacote joins it with the
 * registry after removing trailing slashes). Only for valid names.
 */
export function packumentUrl(registry: string, name: string): string {
  return `${registry.replace(/\/+$/, "")}/${name.replace("/", "%2f")}`;
}
