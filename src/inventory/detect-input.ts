import { InputError } from "../errors.js";
import type { InputKind } from "./types.js";

/** The files a project folder is searched for, most authoritative first (npm prefers its shrinkwrap). */
export const LOCKFILES = [
  "npm-shrinkwrap.json",
  "package-lock.json",
  "pnpm-lock.yaml",
  "yarn.lock",
] as const;

const HINT =
  "Pass a project folder, a lockfile (npm, pnpm, yarn) or an SBOM (CycloneDX JSON or XML, SPDX JSON or tag-value).";

/**
 * What a file is: by its name when the tools fix it, otherwise by its content
 * (a renamed lockfile, `bom.json`, `bom.xml`, `sbom.spdx.json`, `sbom.spdx`).
 */
export function detectInputKind(fileName: string, text: string, label: string): InputKind {
  switch (fileName) {
    case "package-lock.json":
    case "npm-shrinkwrap.json":
      return "npm-lock";
    case "pnpm-lock.yaml":
    case "pnpm-lock.yml":
      return "pnpm-lock";
    case "yarn.lock":
      return isBerry(text) ? "yarn-berry" : "yarn-classic";
    case "package.json":
      return "package-json";
  }
  const start = text.slice(0, 4096);
  // Producers put bomFormat first, but JSON does not promise an order.
  if (/"bomFormat"\s*:\s*"CycloneDX"/.test(text)) return "cyclonedx";
  if (/^\s*\{/.test(start) && /"spdxVersion"\s*:/.test(text)) return "spdx";
  // Tag-value: `SPDXVersion: SPDX-2.3` is the document's first tag, after any comments.
  if (/^SPDXVersion:/m.test(start)) return "spdx";
  if (isCycloneDxXml(start)) return "cyclonedx";
  if (/^\s*\{/.test(start) && /"lockfileVersion"\s*:/.test(start)) return "npm-lock";
  if (/^lockfileVersion:/m.test(start)) return "pnpm-lock";
  if (/^# yarn lockfile v1/m.test(start)) return "yarn-classic";
  if (isBerry(start)) return "yarn-berry";
  throw new InputError(
    label,
    "not a lockfile, package.json, CycloneDX or SPDX SBOM",
    undefined,
    HINT,
  );
}

/**
 * The root element `<bom xmlns="http://cyclonedx.org/schema/bom/1.x">`, maybe
 * prefixed, maybe after a DOCTYPE (which the reader then refuses by name).
 */
function isCycloneDxXml(start: string): boolean {
  return (
    /^\s*</.test(start) &&
    /<([\w.-]+:)?bom[\s>]/.test(start) &&
    /cyclonedx\.org\/schema\/bom/.test(start)
  );
}

/** yarn 2+ starts its lock with a `__metadata` block; yarn 1 never writes one. */
function isBerry(text: string): boolean {
  return /^__metadata:/m.test(text);
}
