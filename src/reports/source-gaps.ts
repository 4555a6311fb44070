import type { JengaResult } from "../result/types.js";

/** How many distinct reasons a line names; the rest are counted. */
const shownReasons = 2;

/**
 * Pure: one line per source that was not available for every package, with
 * its reasons grouped and counted ("git: 12 of 200 packages; unavailable:
 * ENOTFOUND (150), skipped: no usable repository URL (38)"). Every output
 * states these first: a gap in the evidence is never hidden.
 */
export function sourceGaps(result: JengaResult): string[] {
  const total = result.packages.length;
  const lines: string[] = [];
  for (const [source, entry] of Object.entries(result.sources ?? {})) {
    const missing = Object.entries(entry.missing).sort((a, b) => b[1] - a[1]);
    if (missing.length === 0) continue;
    const shown = missing.slice(0, shownReasons).map(([why, n]) => `${why} (${n})`);
    const rest = missing.slice(shownReasons).reduce((sum, [, n]) => sum + n, 0);
    lines.push(
      `${source}: ${entry.ok} of ${total} packages; ${shown.join(", ")}${rest > 0 ? `, ${rest} for other reasons` : ""}`,
    );
  }
  return lines;
}
