import {
  type ManifestModule,
  microUtilsReplacements,
  nativeReplacements,
  preferredReplacements,
} from "module-replacements";
import type { Replacement } from "../usage/types.js";

/**
 * The e18e project's replacement data (the module-replacements package): a
 * native API, a one-line snippet, or a preferred package. Native wins: it
 * removes the dependency outright.
 */
const manifests: [Replacement["kind"], ManifestModule][] = [
  ["native", nativeReplacements],
  ["micro-utility", microUtilsReplacements],
  ["preferred", preferredReplacements],
];

export function findReplacement(name: string): Replacement | null {
  for (const [kind, manifest] of manifests) {
    if (!Object.hasOwn(manifest.mappings, name)) continue;
    const mapping = manifest.mappings[name];
    if (!mapping) continue;
    const replacements = mapping.replacements.map((id) => describe(id, manifest));
    // A "preferred" entry whose every replacement is a platform API (strip-ansi →
    // util.stripVTControlCharacters) is a native replacement, not a successor package.
    const allNative = mapping.replacements.every(
      (id) => manifest.replacements[id]?.type === "native",
    );
    return { kind: kind === "preferred" && allNative ? "native" : kind, replacements };
  }
  return null;
}

/** A snippet reads better as its description than as its id (`snippet::is-number`). */
function describe(id: string, manifest: ManifestModule): string {
  const replacement = manifest.replacements[id];
  if (replacement?.type === "simple" || replacement?.type === "removal") {
    return replacement.description;
  }
  return id;
}
