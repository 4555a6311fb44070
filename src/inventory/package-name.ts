/**
 * Names and versions read from lockfiles are written by strangers. A name that
 * is not a valid npm name (a `node_modules/../../etc` key, control characters)
 * is skipped by the parsers, so later stages can use names in URLs and cache
 * keys without re-checking them.
 */

/** Generous: real versions are short; a huge one is corrupt or hostile. */
const MAX_VERSION_LENGTH = 256;

export { isValidPackageName } from "../util/package-name.js";

/** Printable, bounded; the parsers only carry versions, they never interpret unknown ones. */
export function isPlausibleVersion(version: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what we refuse
  return version.length <= MAX_VERSION_LENGTH && !/[\u0000-\u001f\u007f]/.test(version);
}

/**
 * Splits `name@range` at the `@` that ends the name: a scoped name starts with
 * `@`, so the separator is the first `@` after index 0. Returns null when there
 * is no separator.
 */
export function splitDescriptor(descriptor: string): { name: string; range: string } | null {
  const at = descriptor.indexOf("@", 1);
  if (at <= 0) return null;
  return { name: descriptor.slice(0, at), range: descriptor.slice(at + 1) };
}

/** `npm:real@range` → `{ name: "real", range }`; anything else is not an alias. */
export function parseAlias(spec: string): { name: string; range: string } | null {
  if (!spec.startsWith("npm:")) return null;
  const target = spec.slice("npm:".length);
  return splitDescriptor(target) ?? { name: target, range: "" };
}

/** The package name a `node_modules/...` path installs: the part after the last `node_modules/`. */
export function nameFromInstallPath(path: string): string {
  const marker = "node_modules/";
  const at = path.lastIndexOf(marker);
  return at < 0 ? path : path.slice(at + marker.length);
}

/** Quotes an untrusted string for a warning: control characters become escapes. */
export function quote(value: string): string {
  return JSON.stringify(value.length > 120 ? `${value.slice(0, 120)}…` : value);
}
