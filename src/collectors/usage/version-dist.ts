/**
 * The `dist` of one version from a packument (full or abbreviated): where its
 * tarball is and the digests to check it against. Streamed, so that a
 * packument of tens of megabytes costs one version manifest of memory. No I/O
 * of its own: the caller supplies the bytes.
 */
import { JSONParser } from "@streamparser/json";
import { guardJsonStream } from "../shared/guarded-json-stream.js";
import { boundedString, MAX_URL_LENGTH, ownField } from "../shared/untrusted.js";

export interface VersionDist {
  tarball: string;
  /** `dist.integrity`: a Subresource Integrity string (`sha512-…`), or null. */
  integrity: string | null;
  /** `dist.shasum`: the sha1 in hex that older packages have instead, or null. */
  shasum: string | null;
}

export type DistParse =
  | { ok: true; dist: VersionDist }
  | { ok: false; problem: "unparsable packument" | "version not published" | "no tarball" };

export interface DistParser {
  write(chunk: Uint8Array): void;
  end(): DistParse;
}

/** SRI strings carry a few digests at most; a longer one is a hostile value, not a list. */
const MAX_INTEGRITY_LENGTH = 1024;
const SHASUM_LENGTH = 40;

export function createDistParser(version: string): DistParser {
  let manifest: unknown;
  // keepStack: false drops each version manifest once emitted; only the one asked for is kept.
  const parser = new JSONParser({ paths: ["$.versions.*"], keepStack: false });
  parser.onValue = ({ value, key, stack }) => {
    if (stack.length === 2 && key === version) manifest = value;
  };
  const stream = guardJsonStream(parser);
  return {
    write: (chunk) => stream.write(chunk),
    end() {
      if (!stream.finish()) return { ok: false, problem: "unparsable packument" };
      if (manifest === undefined) return { ok: false, problem: "version not published" };
      return distOf(ownField(manifest, "dist"));
    },
  };
}

function distOf(dist: unknown): DistParse {
  const tarball = boundedString(ownField(dist, "tarball"), MAX_URL_LENGTH);
  if (tarball === null) return { ok: false, problem: "no tarball" };
  const shasum = boundedString(ownField(dist, "shasum"), SHASUM_LENGTH);
  return {
    ok: true,
    dist: {
      tarball,
      integrity: boundedString(ownField(dist, "integrity"), MAX_INTEGRITY_LENGTH),
      shasum: shasum !== null && /^[0-9a-f]{40}$/i.test(shasum) ? shasum.toLowerCase() : null,
    },
  };
}
