/**
 * The per-version projection: one version's manifest (as found under
 * `versions[v]` of a packument) to the few facts jenga keeps. Both the
 * JSON.parse path and the streaming path call this once per version, so they
 * agree by construction.
 */

import {
  cappedText,
  isPlainObject,
  nonNegativeInteger,
  ownField,
  safeEntries,
} from "../shared/untrusted.js";
import { MAX_NAME_LENGTH, MAX_PEERS, MAX_TEXT_LENGTH } from "./limits.js";
import { normaliseLicense, normaliseRepository } from "./manifest-fields.js";
import type { VersionRecord } from "./types.js";

/** Facts about a version's files, when a caller knows them (from a tarball or node_modules). */
export interface KnownFiles {
  /** The package root has a `binding.gyp`. */
  hasBindingGyp?: boolean;
}

/** The lifecycle scripts npm runs when it installs a package, in the order it runs them. */
const INSTALL_LIFECYCLE = ["preinstall", "install", "postinstall"] as const;

/** What a `deprecated: true` (a boolean, not the usual message) is recorded as. */
const DEPRECATED_WITHOUT_MESSAGE = "deprecated";

/**
 * Returns null when the manifest is not an object: there is nothing to read.
 * `time` is left null here; the packument's `time` map fills it in later.
 */
export function projectVersion(manifest: unknown, known: KnownFiles = {}): VersionRecord | null {
  if (!isPlainObject(manifest)) return null;
  const dist = ownField(manifest, "dist");
  const dependencies = ownField(manifest, "dependencies");
  return {
    time: null,
    deprecated: deprecationNotice(ownField(manifest, "deprecated")),
    installScripts: installScripts(manifest, known),
    unpackedSize: nonNegativeInteger(ownField(dist, "unpackedSize")),
    fileCount: nonNegativeInteger(ownField(dist, "fileCount")),
    dependencyCount: isPlainObject(dependencies) ? Object.keys(dependencies).length : 0,
    license: normaliseLicense(ownField(manifest, "license"), ownField(manifest, "licenses")),
    repository: normaliseRepository(ownField(manifest, "repository")),
    ...peerNames(manifest),
  };
}

/**
 * The names in `peerDependencies`, split by `peerDependenciesMeta[name].optional`
 * as npm reads them (a meta entry alone, without a range, is an optional peer
 * too). Kept only when present, so a version without peers costs the cache nothing.
 */
function peerNames(
  manifest: Record<string, unknown>,
): Pick<VersionRecord, "peers" | "optionalPeers"> {
  const meta = ownField(manifest, "peerDependenciesMeta");
  const optional = (name: string) => ownField(ownField(meta, name), "optional") === true;
  const named = (value: unknown) =>
    safeEntries(value)
      .map(([name]) => name)
      .filter((name) => name.length <= MAX_NAME_LENGTH)
      .slice(0, MAX_PEERS);
  const listed = named(ownField(manifest, "peerDependencies"));
  const peers = listed.filter((name) => !optional(name));
  const optionalPeers = [...new Set([...listed, ...named(meta)])].filter(optional);
  return {
    ...(peers.length > 0 ? { peers } : {}),
    ...(optionalPeers.length > 0 ? { optionalPeers } : {}),
  };
}

/** npm writes the message; an empty string means "un-deprecated" (`npm deprecate pkg@v ""`). */
function deprecationNotice(value: unknown): string | null {
  if (value === true) return DEPRECATED_WITHOUT_MESSAGE;
  return cappedText(value, MAX_TEXT_LENGTH);
}

/**
 * Names of the install-time lifecycle scripts this version declares, plus the
 * `install` that npm synthesises as `node-gyp rebuild` when the package has a
 * binding.gyp and neither an install nor a preinstall script, unless
 * `gypfile: false` opts out. `gypfile: true` in a published manifest records
 * that npm saw a binding.gyp at publish time. Source: "Default Values" in
 * https://docs.npmjs.com/cli/using-npm/scripts and the `gypfile` step of
 * @npmcli/package-json's normalize.
 */
function installScripts(manifest: Record<string, unknown>, known: KnownFiles): string[] {
  const scripts = ownField(manifest, "scripts");
  const declared = new Set<string>(
    INSTALL_LIFECYCLE.filter((name) => cappedText(ownField(scripts, name), MAX_TEXT_LENGTH)),
  );
  const gypfile = ownField(manifest, "gypfile");
  const hasGyp = gypfile === true || (gypfile !== false && known.hasBindingGyp === true);
  if (hasGyp && !declared.has("install") && !declared.has("preinstall")) declared.add("install");
  return INSTALL_LIFECYCLE.filter((name) => declared.has(name));
}
