/**
 * Does a downloaded tarball match the digests its packument published? The
 * rule of npm's ssri: of the Subresource Integrity hashes given, the strongest
 * algorithm decides, and any digest of that algorithm may match. Without an
 * SRI string, the legacy `shasum` (sha1, hex) is checked instead.
 */
import { createHash } from "node:crypto";
import type { VersionDist } from "./version-dist.js";

/** Strongest first, as ssri ranks them. */
const ALGORITHMS = ["sha512", "sha384", "sha256", "sha1"] as const;

export type IntegrityCheck = "ok" | "mismatch" | "no digest";

export function checkIntegrity(bytes: Uint8Array, dist: VersionDist): IntegrityCheck {
  const published = parseSri(dist.integrity ?? "");
  for (const algorithm of ALGORITHMS) {
    const wanted = published.get(algorithm);
    if (!wanted) continue;
    const actual = createHash(algorithm).update(bytes).digest("base64");
    return wanted.has(actual) ? "ok" : "mismatch";
  }
  if (dist.shasum === null) return "no digest";
  return createHash("sha1").update(bytes).digest("hex") === dist.shasum ? "ok" : "mismatch";
}

/** `sha512-AbC= sha1-xYz=?opt` → algorithm → base64 digests; unknown algorithms are ignored. */
function parseSri(integrity: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const token of integrity.trim().split(/\s+/)) {
    const match = /^(sha512|sha384|sha256|sha1)-([A-Za-z0-9+/]+={0,2})(\?.*)?$/.exec(token);
    if (!match) continue;
    const [, algorithm, digest] = match as unknown as [string, string, string];
    const set = out.get(algorithm) ?? new Set<string>();
    set.add(digest);
    out.set(algorithm, set);
  }
  return out;
}
