/**
 * Registry evidence: the part of a packument jenga reads, projected small enough
 * to cache (a 40 MB packument becomes a few hundred kilobytes at most).
 * Everything here was written by the package's publishers: treat as untrusted.
 */

export interface RepositoryField {
  /** As published (may be a shorthand such as `github:user/repo` or `user/repo`). */
  url: string;
  /** Monorepo folder of the package, when published. */
  directory: string | null;
}

export interface PersonField {
  name: string;
  email: string | null;
}

/** What jenga keeps of each version's manifest. */
export interface VersionRecord {
  /** Publish time from the packument's `time` map (ISO 8601), null when absent. */
  time: string | null;
  /** The deprecation message, when this version is deprecated. */
  deprecated: string | null;
  /** Names of lifecycle scripts that run on install: preinstall, install, postinstall (and a gyp build). */
  installScripts: string[];
  /** `dist.unpackedSize` in bytes, when the registry reports it. */
  unpackedSize: number | null;
  /** `dist.fileCount`, when the registry reports it. */
  fileCount: number | null;
  /** Number of entries in `dependencies` (runtime dependencies only). */
  dependencyCount: number;
  /** SPDX expression or license name, normalised from `license` / legacy `licenses`. */
  license: string | null;
  repository: RepositoryField | null;
  /**
   * The peer dependencies this version requires (`peerDependencies` not marked optional), by
   * name; absent when none. Code usage reads them when no installed package.json can say.
   */
  peers?: string[];
  /** The peers `peerDependenciesMeta` marks optional: loaded only if the user installs them. */
  optionalPeers?: string[];
}

export interface RegistryEvidence {
  name: string;
  /** The registry it came from, without credentials. */
  registry: string;
  description: string | null;
  distTags: Record<string, string>;
  /** `time.created` and `time.modified` as published, null when absent (mirrors drop them). */
  created: string | null;
  modified: string | null;
  /** Null when the packument has no `maintainers` field at all (mirrors drop it). */
  maintainers: PersonField[] | null;
  homepage: string | null;
  bugsUrl: string | null;
  /** From the latest version's manifest, falling back to the packument's top level. */
  repository: RepositoryField | null;
  license: string | null;
  versions: Record<string, VersionRecord>;
}
