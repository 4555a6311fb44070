/**
 * Bounds on what jenga keeps from a packument. Publishers choose these values
 * and a hostile one can make any of them megabytes long; evidence is cached and
 * rendered, so each kept value has a ceiling that real packages stay far below.
 */

/** Descriptions and deprecation notices: a paragraph is plenty to say why. */
export const MAX_TEXT_LENGTH = 1024;

export { MAX_URL_LENGTH } from "../shared/untrusted.js";

/** semver's own MAX_LENGTH for a version string (semver/internal/constants.js). */
export const MAX_VERSION_LENGTH = 256;

/** Dist-tag names: short words such as `latest`, `next`, `ts5.4`. */
export const MAX_TAG_LENGTH = 256;

/** Packages with more tags than this are generated noise; the first ones are kept. */
export const MAX_DIST_TAGS = 1000;

/** SPDX expressions of real packages are a few dozen characters. */
export const MAX_LICENSE_LENGTH = 256;

/** Legacy `licenses` arrays list one to three entries in practice. */
export const MAX_LICENSES = 16;

/** A maintainer's name or email. */
export const MAX_PERSON_FIELD_LENGTH = 256;

/** The largest teams on the registry have a few hundred maintainers. */
export const MAX_MAINTAINERS = 1000;

/** `repository.directory`: a folder path inside a monorepo. */
export const MAX_DIRECTORY_LENGTH = 1024;

/** An ISO 8601 timestamp is 24 characters; leave room for offsets and precision. */
export const MAX_TIMESTAMP_LENGTH = 64;

/**
 * Peer dependencies of one version: real packages list one to a dozen (eslint
 * configs, babel presets); past this the rest are dropped.
 */
export const MAX_PEERS = 100;

/** The package name as published (npm caps new names at 214; old ones may be longer). */
export const MAX_NAME_LENGTH = 1024;

/**
 * Bytes of packument bodies buffered for JSON.parse across all downloads at
 * once. A body that would go past it is parsed as a stream instead, whose
 * memory stays flat: six 150 MB packuments at once cost 2 GB; now the buffers
 * of 16 parallel downloads cost this much at most.
 */
export const MAX_BUFFERED_BODY_BYTES = 32 * 1024 * 1024;
