import type { RegistryEvidence } from "./types.js";

/**
 * The outcome of one packument fetch. A 304 to a conditional request carries
 * no body, hence no evidence: the caller keeps what it cached under that ETag.
 */
export type PackumentResult =
  | { ok: true; evidence: RegistryEvidence; etag: string | null; notModified?: false }
  | { ok: true; evidence: null; etag: string | null; notModified: true }
  | { ok: false; status: string };

export function failure(status: string): PackumentResult {
  return { ok: false, status };
}
