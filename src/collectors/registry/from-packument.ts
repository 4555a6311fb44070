/**
 * The pure twin of the registry fetch: a packument (already parsed) to
 * RegistryEvidence. Tests, cache replays and `--offline` use it; the network
 * path reuses its pieces (projectTopLevel's field list, collectVersion,
 * assembleEvidence) so that a streamed packument yields the same evidence.
 */
import semver from "semver";
import {
  boundedString,
  cappedText,
  isSafeKey,
  ownField,
  safeEntries,
} from "../shared/untrusted.js";
import {
  MAX_DIST_TAGS,
  MAX_NAME_LENGTH,
  MAX_TAG_LENGTH,
  MAX_TEXT_LENGTH,
  MAX_URL_LENGTH,
  MAX_VERSION_LENGTH,
} from "./limits.js";
import {
  normaliseBugsUrl,
  normaliseLicense,
  normaliseMaintainers,
  normaliseRepository,
  normaliseTimestamp,
} from "./manifest-fields.js";
import { projectVersion } from "./project-version.js";
import type { RegistryEvidence, VersionRecord } from "./types.js";

/**
 * The top-level packument fields the evidence reads; everything else (readme,
 * users, _attachments...) is ignored. The streaming parser asks for exactly
 * these paths. `modified` is the abbreviated format's timestamp, read as a
 * fallback when a mirror serves that format whatever Accept says.
 */
export const TOP_LEVEL_FIELDS = [
  "name",
  "description",
  "dist-tags",
  "time",
  "maintainers",
  "homepage",
  "bugs",
  "repository",
  "license",
  "licenses",
  "modified",
] as const;

export type TopLevelField = (typeof TOP_LEVEL_FIELDS)[number];
export type TopLevelValues = Partial<Record<TopLevelField, unknown>>;

const TOP_LEVEL_FIELD_SET: ReadonlySet<string> = new Set(TOP_LEVEL_FIELDS);

export function isTopLevelField(key: string): key is TopLevelField {
  return TOP_LEVEL_FIELD_SET.has(key);
}

export function fromPackument(json: unknown, registry: string): RegistryEvidence {
  const versions = new Map<string, VersionRecord>();
  for (const [key, manifest] of safeEntries(ownField(json, "versions"))) {
    collectVersion(versions, key, manifest);
  }
  return assembleEvidence(projectTopLevel(json), versions, registry);
}

export function projectTopLevel(packument: unknown): TopLevelValues {
  const top: TopLevelValues = {};
  for (const field of TOP_LEVEL_FIELDS) {
    const value = ownField(packument, field);
    if (value !== undefined) top[field] = value;
  }
  return top;
}

/**
 * Adds one `versions` entry. Keys that are not exact semver versions are
 * dropped: the registry only publishes valid ones, and everything downstream
 * sorts and compares them.
 */
export function collectVersion(
  versions: Map<string, VersionRecord>,
  key: string,
  manifest: unknown,
): void {
  if (key.length > MAX_VERSION_LENGTH || semver.valid(key) !== key) return;
  const record = projectVersion(manifest);
  if (record !== null) versions.set(key, record);
}

export function assembleEvidence(
  top: TopLevelValues,
  versions: ReadonlyMap<string, VersionRecord>,
  registry: string,
): RegistryEvidence {
  const distTags = normaliseDistTags(top["dist-tags"]);
  const latestKey = latestVersion(distTags, versions);
  const latest = latestKey === null ? undefined : versions.get(latestKey);
  return {
    name: cappedText(top.name, MAX_NAME_LENGTH) ?? "",
    registry: withoutCredentials(registry),
    description: cappedText(top.description, MAX_TEXT_LENGTH),
    distTags,
    created: normaliseTimestamp(ownField(top.time, "created")),
    modified: normaliseTimestamp(ownField(top.time, "modified") ?? top.modified),
    maintainers: normaliseMaintainers(top.maintainers),
    homepage: boundedString(top.homepage, MAX_URL_LENGTH),
    bugsUrl: normaliseBugsUrl(top.bugs),
    repository: latest?.repository ?? normaliseRepository(top.repository),
    license: latest?.license ?? normaliseLicense(top.license, top.licenses),
    versions: withPublishTimes(versions, top.time),
  };
}

function normaliseDistTags(value: unknown): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const [tag, version] of safeEntries(value).slice(0, MAX_DIST_TAGS)) {
    const kept = boundedString(version, MAX_VERSION_LENGTH);
    if (tag.length <= MAX_TAG_LENGTH && kept !== null) tags[tag] = kept;
  }
  return tags;
}

/** `latest` when it names a known version, else the highest stable (then any) version. */
function latestVersion(
  distTags: Record<string, string>,
  versions: ReadonlyMap<string, VersionRecord>,
): string | null {
  const tagged = distTags.latest;
  if (tagged !== undefined && versions.has(tagged)) return tagged;
  const all = [...versions.keys()];
  const stable = all.filter((version) => semver.prerelease(version) === null);
  const pool = stable.length > 0 ? stable : all;
  return pool.reduce<string | null>(
    (best, version) => (best === null || semver.gt(version, best) ? version : best),
    null,
  );
}

function withPublishTimes(
  versions: ReadonlyMap<string, VersionRecord>,
  time: unknown,
): Record<string, VersionRecord> {
  const out: Record<string, VersionRecord> = {};
  for (const [version, record] of versions) {
    // Version keys passed semver.valid, so none of them can be an unsafe key.
    if (isSafeKey(version))
      out[version] = { ...record, time: normaliseTimestamp(ownField(time, version)) };
  }
  return out;
}

/** The registry URL as recorded in evidence: never with `user:password@`. */
function withoutCredentials(registry: string): string {
  try {
    const url = new URL(registry);
    url.username = "";
    url.password = "";
    return url.href;
  } catch {
    return "";
  }
}
