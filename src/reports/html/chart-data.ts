import type { PackageResult } from "../../result/types.js";
import type { Verdict } from "../../scoring/verdicts.js";
import type { SignalResult } from "../../signals/define-signal.js";
import { impactOf } from "./leverage.js";
import { advisoryChart, issueChart } from "./report-charts.js";

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

/** One line or set of bars of a series chart. */
export interface SeriesDataset {
  label: string;
  /** null where the dataset has no point (a bar of another kind, a month with nothing to measure). */
  values: (number | null)[];
  /** Bars for counts per period; a line for a second measure on the right-hand axis. */
  type: "bar" | "line";
  axis: "y" | "y1";
  /** A colour of the page's theme (a CSS variable name), picked in the browser. */
  color: "rewrite" | "adopt" | "keep" | "fix" | "sunset";
  /** Draws a sliver for a bar of 0 (a fix shipped the day it was announced), so it is not lost. */
  minBar?: true;
}

export interface SeriesChart {
  id: string;
  title: string;
  labels: string[];
  datasets: SeriesDataset[];
  /** Bars of one label stacked rather than side by side. */
  stacked?: true;
  /** The chart in words when totals per dataset would not say it (days to fix do not add up). */
  summary?: string;
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
  // A package of unknown health has no place on the health axis; the table lists it.
  return packages.flatMap((p) => (p.health === null ? [] : [quadrantPoint(p, p.health, hrefOf)]));
}

function quadrantPoint(
  p: PackageResult,
  health: number,
  hrefOf: (p: PackageResult) => string,
): BubblePoint {
  return {
    x: health,
    // The impact axis is logarithmic (impact spans 1 to thousands) and cannot show 0.
    y: Math.max(1, impactOf(p)),
    r: bubbleRadius(p),
    name: p.name,
    verdict: p.verdict,
    href: hrefOf(p),
  };
}

function numeric(signal: SignalResult | undefined): number | null {
  const value: unknown = signal?.value;
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

type SeriesEntry = { label: string; value: number; authors: number | null };

/**
 * Reads `[1, 2, 3]` or `[{ month|date|label|x, count|value|y, authors? }]` with at
 * least `min` points; anything else is not a series.
 */
function seriesEntries(value: unknown, min = 2): SeriesEntry[] | null {
  if (!Array.isArray(value) || value.length < min) return null;
  const entries: SeriesEntry[] = [];
  for (const [i, item] of value.entries()) {
    if (typeof item === "number" && Number.isFinite(item)) {
      entries.push({ label: String(i + 1), value: item, authors: null });
      continue;
    }
    if (typeof item !== "object" || item === null) return null;
    const o = item as Record<string, unknown>;
    const label = o.month ?? o.date ?? o.label ?? o.x;
    const y = o.count ?? o.value ?? o.y;
    if (typeof y !== "number" || !Number.isFinite(y)) return null;
    const authors = typeof o.authors === "number" && Number.isFinite(o.authors) ? o.authors : null;
    entries.push({ label: typeof label === "string" ? label : String(i + 1), value: y, authors });
  }
  return entries;
}

/** Signals with a chart of their own design; every other series gets a plain line. */
const designedSignals = new Set(["commitsPerMonth", "releases", "advisoryTimeline", "issueInflow"]);

/**
 * The charts of a package page: its git activity (commits per month as bars,
 * people active that month as a line, tags per month below on the same months),
 * then any other signal whose value is a series. Absent or malformed series
 * simply draw nothing.
 */
export function seriesCharts(p: PackageResult, titleOf: (id: string) => string): SeriesChart[] {
  const charts = activityCharts(p, titleOf);
  const advisories = advisoryChart(p.signals.advisoryTimeline?.value, titleOf("advisoryTimeline"));
  if (advisories) charts.push(advisories);
  const issues = issueChart(p.signals.issueInflow?.value, titleOf("issueInflow"));
  if (issues) charts.push(issues);
  for (const [id, signal] of Object.entries(p.signals)) {
    if (designedSignals.has(id)) continue;
    const entries = seriesEntries(signal.value);
    if (!entries) continue;
    charts.push({
      id,
      title: titleOf(id),
      labels: entries.map((e) => e.label),
      datasets: [
        {
          label: titleOf(id),
          values: entries.map((e) => e.value),
          type: "line",
          axis: "y",
          color: "rewrite",
        },
      ],
    });
  }
  return charts;
}

function activityCharts(p: PackageResult, titleOf: (id: string) => string): SeriesChart[] {
  const commits = seriesEntries(p.signals.commitsPerMonth?.value, 1);
  const tags = seriesEntries(p.signals.releases?.value, 1);
  const labels = sharedMonths([...(commits ?? []), ...(tags ?? [])].map((e) => e.label));
  const at = (entries: SeriesEntry[], pick: (e: SeriesEntry) => number) => {
    const byLabel = new Map(entries.map((e) => [e.label, pick(e)]));
    return labels.map((m) => byLabel.get(m) ?? 0);
  };
  const charts: SeriesChart[] = [];
  if (commits) {
    const datasets: SeriesDataset[] = [
      {
        label: "commits",
        values: at(commits, (e) => e.value),
        type: "bar",
        axis: "y",
        color: "rewrite",
      },
    ];
    if (commits.every((e) => e.authors !== null))
      datasets.push({
        label: "people active",
        values: at(commits, (e) => e.authors ?? 0),
        type: "line",
        axis: "y1",
        color: "adopt",
      });
    charts.push({
      id: "commitsPerMonth",
      title: titleOf("commitsPerMonth"),
      labels,
      datasets,
    });
  }
  if (tags && tags.length > 0)
    charts.push({
      id: "releases",
      title: titleOf("releases"),
      labels,
      datasets: [
        { label: "tags", values: at(tags, (e) => e.value), type: "bar", axis: "y", color: "keep" },
      ],
    });
  return charts;
}

/** Series signals hold at most ten years; a longer axis comes from a result jenga did not write. */
const maxMonthAxis = 1200;

/** One month axis for the activity charts: every month from the first label to the last. */
function sharedMonths(labels: string[]): string[] {
  const unique = [...new Set(labels)].sort();
  const first = unique[0];
  const last = unique[unique.length - 1];
  if (first === undefined || last === undefined) return [];
  const range = monthRange(first, last);
  // Labels that are not months (a hand-made series) keep their own order; so does an absurd span.
  return range.length >= unique.length && range.length <= maxMonthAxis
    ? range
    : [...new Set(labels)];
}

/** Every `YYYY-MM` from `from` to `to`, both included; just the two labels if they are not months. */
export function monthRange(from: string, to: string): string[] {
  const parse = (m: string) => {
    const match = /^(\d{4})-(\d{2})$/.exec(m);
    return match ? Number(match[1]) * 12 + Number(match[2]) - 1 : null;
  };
  const a = parse(from);
  const b = parse(to);
  if (a === null || b === null || b < a) return from === to ? [from] : [from, to];
  return Array.from({ length: b - a + 1 }, (_, i) => {
    const n = a + i;
    return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}`;
  });
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
