import semver from "semver";
import { UsageError } from "../errors.js";
import { isValidPackageName } from "../util/package-name.js";
import type { Inventory } from "./types.js";

/** What `jenga check` was asked about: a name, and a version, range or dist-tag (null: latest). */
export interface PackageSpec {
  name: string;
  requested: string | null;
}

/**
 * `name`, `name@1.2.3`, `@scope/name@^2`, `name@next`, or a package URL
 * (`pkg:npm/%40scope/name@1.2.3`, https://github.com/package-url/purl-spec).
 * A bad spec is a usage error (exit 2), never a request.
 */
export function parsePackageSpec(spec: string): PackageSpec {
  const text = spec.startsWith("pkg:") ? fromPurl(spec) : spec.trim();
  const at = text.indexOf("@", 1);
  const name = at < 0 ? text : text.slice(0, at);
  const requested = at < 0 ? null : text.slice(at + 1);
  if (!isValidPackageName(name))
    throw new UsageError(`not a package name: "${name}"`, [], "e.g. jenga check left-pad@1.3.0");
  if (requested !== null && !isRequest(requested))
    throw new UsageError(
      `not a version, range or dist-tag: "${requested}"`,
      [],
      "e.g. jenga check left-pad@1.3.0, left-pad@^1, left-pad@latest",
    );
  return { name, requested };
}

function fromPurl(purl: string): string {
  const match = /^pkg:npm\/([^?#]+)/.exec(purl);
  if (!match?.[1])
    throw new UsageError(`not an npm package URL: "${purl}"`, [], "e.g. pkg:npm/left-pad@1.3.0");
  try {
    return decodeURIComponent(match[1]);
  } catch {
    throw new UsageError(`not an npm package URL: "${purl}"`, [], "e.g. pkg:npm/left-pad@1.3.0");
  }
}

/** A version, a semver range, or a dist-tag (npm's tag rules: no range characters, no leading v-digit). */
function isRequest(text: string): boolean {
  if (text.length === 0 || text.length > 256) return false;
  if (semver.valid(text) || semver.validRange(text)) return true;
  return /^[A-Za-z][\w.-]*$/.test(text);
}

/**
 * One package as a project's only direct dependency, so the whole pipeline
 * judges it as it would in a project: every source, no project code.
 */
export function singlePackageInventory(spec: PackageSpec, cwd: string): Inventory {
  return {
    projects: [{ path: cwd, name: `check ${spec.name}`, lockfile: null, kind: "package-json" }],
    packages: [
      {
        name: spec.name,
        versions: [spec.requested ?? "latest"],
        direct: true,
        scopes: ["prod"],
        dependents: 1,
        path: [`check ${spec.name}`, spec.name],
        dependencies: [],
        via: [spec.name],
        projects: [cwd],
        origin: "registry",
      },
    ],
    warnings: [],
  };
}

/**
 * The concrete version a request names, once the registry has answered: the version
 * itself, a dist-tag's target, or the highest version in a range. Null when none matches.
 */
export function resolveRequested(
  requested: string,
  versions: readonly string[],
  distTags: Record<string, string>,
): string | null {
  if (versions.includes(requested)) return requested;
  const tagged = Object.hasOwn(distTags, requested) ? distTags[requested] : undefined;
  if (tagged && versions.includes(tagged)) return tagged;
  if (!semver.validRange(requested)) return null;
  return semver.maxSatisfying([...versions], requested);
}
