import type { Evidence } from "../collectors/types.js";
import type { BlindSpot, UsageEvidence } from "../collectors/usage/types.js";

/**
 * The run's one word on source files that did not parse: how many, and the
 * first (`3 files not parsed (first: src/x.ts:12: unexpected token)`).
 * Every package of a project carries that project's spots, so they are
 * gathered from all and counted once per file.
 */
export function unparsedFilesNote(usage: ReadonlyMap<string, Evidence<UsageEvidence>>): string[] {
  const files = new Map<string, BlindSpot>();
  for (const evidence of usage.values()) {
    for (const spot of evidence.data?.blindSpots ?? []) {
      if (spot.kind === "parse-error" && spot.message !== undefined && !files.has(spot.file))
        files.set(spot.file, spot);
    }
  }
  const first = [...files.values()].sort((a, b) => a.file.localeCompare(b.file))[0];
  if (!first) return [];
  const count = files.size === 1 ? "1 file" : `${files.size} files`;
  return [
    `${count} not parsed (first: ${first.file}:${first.line}: ${first.message}): a dependency seen used nowhere else is usage unknown, not unused.`,
  ];
}
