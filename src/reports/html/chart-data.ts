import type { PackageResult } from "../../result/types.js";
import type { Verdict } from "../../scoring/verdicts.js";
import type { SignalResult } from "../../signals/define-signal.js";
import { impactOf } from "./leverage.js";

/**
 * What the charts draw, as pure functions of the result. Colours are not
 * here: they follow the page's theme, so report.js picks them in the browser.
 */

export interface BubblePoint {
  x: number;
  y: number;
  r: number;
  name: string;
  verdict: Verdict;
  /** The package's page, relative to the page the chart is on. */
  href: string;
}

export interface SeriesChart {
  id: string;
  title: string;
  labels: string[];
  values: number[];
}

/** Bubble radii in CSS pixels: small enough that 5,000 bubbles stay readable. */
const minRadius = 3;
const maxRadius = 18;

/**
 * Bubble size: the code the project actually uses when usage is known, else
 * the unpacked size; on a log scale, since sizes span six orders of magnitude.
 */
export function bubbleRadius(p: PackageResult): number {
  const size = numeric(p.signals.unpackedSize);
  if (size === null) return minRadius;
  const used = numeric(p.signals.usedFraction);
  const bytes = used === null ? size : size * used;
  const r = minRadius + 2 * Math.log10(1 + bytes / 1024);
  return Math.round(Math.min(maxRadius, Math.max(minRadius, r)) * 10) / 10;
}

export function quadrantPoints(
  packages: readonly PackageResult[],
  hrefOf: (p: PackageResult) => string,
): BubblePoint[] {
  return packages.map((p) => ({
    x: p.health,
    // The impact axis is logarithmic (impact spans 1 to thousands) and cannot show 0.
    y: Math.max(1, impactOf(p)),
    r: bubbleRadius(p),
    name: p.name,
    verdict: p.verdict,
    href: hrefOf(p),
  }));
}

function numeric(signal: SignalResult | undefined): number | null {
  const value: unknown = signal?.value;
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

type SeriesEntry = { label: string; value: number };

/** Reads `[1, 2, 3]` or `[{ month|date|label|x, count|value|y }]`; anything else is not a series. */
function seriesEntries(value: unknown): SeriesEntry[] | null {
  if (!Array.isArray(value) || value.length < 2) return null;
  const entries: SeriesEntry[] = [];
  for (const [i, item] of value.entries()) {
    if (typeof item === "number" && Number.isFinite(item)) {
      entries.push({ label: String(i + 1), value: item });
      continue;
    }
    if (typeof item !== "object" || item === null) return null;
    const o = item as Record<string, unknown>;
    const label = o.month ?? o.date ?? o.label ?? o.x;
    const y = o.count ?? o.value ?? o.y;
    if (typeof y !== "number" || !Number.isFinite(y)) return null;
    entries.push({ label: typeof label === "string" ? label : String(i + 1), value: y });
  }
  return entries;
}

/**
 * Every signal whose value is a time series (commits per month, say): no
 * collector emits one yet, so a package without series simply gets no chart.
 */
export function seriesCharts(p: PackageResult, titleOf: (id: string) => string): SeriesChart[] {
  const charts: SeriesChart[] = [];
  for (const [id, signal] of Object.entries(p.signals)) {
    const entries = seriesEntries(signal.value);
    if (!entries) continue;
    charts.push({
      id,
      title: titleOf(id),
      labels: entries.map((e) => e.label),
      values: entries.map((e) => e.value),
    });
  }
  return charts;
}

/**
 * JSON for a `<script type="application/json">` block: the browser never runs
 * it (so the CSP allows it), and escaping `<`, `>` and `&` means no string in
 * it can close the element or open a comment.
 */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
