/**
 * Readers for values written by strangers (packuments, manifests). Each one
 * accepts `unknown`, never throws, and returns a value of a known shape and a
 * bounded size, or null.
 */

/**
 * Keys never copied from untrusted objects: `__proto__` would replace the
 * prototype of a plain object it is assigned to, and the other two shadow
 * what code expects to find on every object.
 */
const UNSAFE_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Own enumerable entries of an untrusted object, without the unsafe keys. */
export function safeEntries(value: unknown): Array<[string, unknown]> {
  if (!isPlainObject(value)) return [];
  return Object.entries(value).filter(([key]) => !UNSAFE_KEYS.has(key));
}

export function isSafeKey(key: string): boolean {
  return !UNSAFE_KEYS.has(key);
}

/** An own property of an untrusted object (never one inherited from its prototype). */
export function ownField(value: unknown, key: string): unknown {
  return isPlainObject(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

/**
 * A trimmed, non-empty string cut to `maxLength` UTF-16 units, without leaving
 * half of a surrogate pair at the cut. For prose (descriptions, deprecation
 * notices) where a shortened text still says what it said.
 */
export function cappedText(value: unknown, maxLength: number): string | null {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  if (trimmed === "") return null;
  if (trimmed.length <= maxLength) return trimmed;
  const cut = trimmed.slice(0, maxLength);
  return isHighSurrogate(cut.charCodeAt(cut.length - 1)) ? cut.slice(0, -1) : cut;
}

/**
 * A trimmed, non-empty string no longer than `maxLength`, or null. For
 * identifiers (URLs, versions, emails) where a cut value would be a wrong
 * value rather than a shorter one.
 */
export function boundedString(value: unknown, maxLength: number): string | null {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed !== "" && trimmed.length <= maxLength ? trimmed : null;
}

/** A finite, non-negative integer, or null (sizes and counts published by the registry). */
export function nonNegativeInteger(value: unknown): number | null {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? value : null;
}

const HIGH_SURROGATE_FIRST = 0xd800;
const HIGH_SURROGATE_LAST = 0xdbff;

function isHighSurrogate(code: number): boolean {
  return code >= HIGH_SURROGATE_FIRST && code <= HIGH_SURROGATE_LAST;
}

/**
 * URLs (homepage, bugs, repository). 2048 is the de-facto ceiling of browsers
 * and many servers; a longer URL is dropped, not cut, since a cut URL is wrong.
 */
export const MAX_URL_LENGTH = 2048;
