import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

let cached: string | null = null;

/**
 * Chart.js's UMD build, copied into the report (no CDN: the report works from
 * file:// offline). Chart.js 4 needs no eval, so `script-src 'self'` suffices.
 * Its package exports do not list dist/ files, so resolve the entry point and
 * take its folder.
 */
export function chartLibrary(): string {
  if (cached === null) {
    const entry = createRequire(import.meta.url).resolve("chart.js");
    cached = readFileSync(path.join(path.dirname(entry), "chart.umd.min.js"), "utf8");
  }
  return cached;
}
