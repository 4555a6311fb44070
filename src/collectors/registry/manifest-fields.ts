/**
 * Normalisers for the package.json fields that come in several historical
 * shapes. Each takes what a publisher wrote and returns one shape or null.
 */

import { boundedString, cappedText, isPlainObject, ownField } from "../shared/untrusted.js";
import {
  MAX_DIRECTORY_LENGTH,
  MAX_LICENSE_LENGTH,
  MAX_LICENSES,
  MAX_MAINTAINERS,
  MAX_PERSON_FIELD_LENGTH,
  MAX_TIMESTAMP_LENGTH,
  MAX_URL_LENGTH,
} from "./limits.js";
import type { PersonField, RepositoryField } from "./types.js";

/**
 * `license` as an SPDX string, the deprecated `{ type, url }` object, or the
 * legacy `licenses: [{ type, url }]` array (several licenses mean the user may
 * pick one, hence OR). See https://docs.npmjs.com/cli/configuring-npm/package-json#license
 */
export function normaliseLicense(license: unknown, licenses: unknown): string | null {
  const single = licenseName(license);
  if (single !== null) return single;
  if (!Array.isArray(licenses)) return licenseName(licenses);
  const names = [
    ...new Set(
      licenses
        .slice(0, MAX_LICENSES)
        .map(licenseName)
        .filter((name) => name !== null),
    ),
  ];
  if (names.length <= 1) return names[0] ?? null;
  return cappedText(`(${names.join(" OR ")})`, MAX_LICENSE_LENGTH);
}

function licenseName(value: unknown): string | null {
  if (typeof value === "string") return cappedText(value, MAX_LICENSE_LENGTH);
  return cappedText(ownField(value, "type") ?? ownField(value, "name"), MAX_LICENSE_LENGTH);
}

/** `repository` as a shorthand string (`user/repo`, `github:user/repo`) or `{ type, url, directory }`. */
export function normaliseRepository(value: unknown): RepositoryField | null {
  if (typeof value === "string") {
    const url = boundedString(value, MAX_URL_LENGTH);
    return url === null ? null : { url, directory: null };
  }
  const url = boundedString(ownField(value, "url"), MAX_URL_LENGTH);
  if (url === null) return null;
  return { url, directory: boundedString(ownField(value, "directory"), MAX_DIRECTORY_LENGTH) };
}

/** `bugs` as a URL string or `{ url, email }`. */
export function normaliseBugsUrl(value: unknown): string | null {
  return boundedString(typeof value === "string" ? value : ownField(value, "url"), MAX_URL_LENGTH);
}

/**
 * A person as `{ name, email }` or the "Name <email> (url)" string form that
 * package.json allows. A person without a name is dropped.
 */
export function normalisePerson(value: unknown): PersonField | null {
  if (typeof value === "string") return parsePersonString(value);
  if (!isPlainObject(value)) return null;
  const name = cappedText(ownField(value, "name"), MAX_PERSON_FIELD_LENGTH);
  if (name === null) return null;
  return { name, email: boundedString(ownField(value, "email"), MAX_PERSON_FIELD_LENGTH) };
}

/** "Name <email> (url)": everything before `<` or `(` is the name. */
const PERSON_STRING = /^([^<(]*)(?:<([^>]*)>)?/;

function parsePersonString(value: string): PersonField | null {
  // Cap before matching so the regular expression only ever sees a short string.
  const bounded = value.slice(0, MAX_PERSON_FIELD_LENGTH * 2);
  const match = PERSON_STRING.exec(bounded);
  const name = cappedText(match?.[1], MAX_PERSON_FIELD_LENGTH);
  if (name === null) return null;
  return { name, email: boundedString(match?.[2], MAX_PERSON_FIELD_LENGTH) };
}

/**
 * `maintainers`: absent (mirrors and some proxies strip it) is null, meaning
 * "unknown", which is not the same as an empty list. A value that is not a
 * list is unreadable, hence unknown too.
 */
export function normaliseMaintainers(value: unknown): PersonField[] | null {
  if (!Array.isArray(value)) return null;
  return value
    .slice(0, MAX_MAINTAINERS)
    .map(normalisePerson)
    .filter((person) => person !== null);
}

/** A timestamp as published, kept only when it parses as a date. */
export function normaliseTimestamp(value: unknown): string | null {
  const text = boundedString(value, MAX_TIMESTAMP_LENGTH);
  return text !== null && !Number.isNaN(Date.parse(text)) ? text : null;
}
