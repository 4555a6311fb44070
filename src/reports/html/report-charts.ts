import { maxOf, minOf } from "../../util/extremes.js";
import type { SeriesChart, SeriesDataset } from "./chart-data.js";

/**
 * The charts of how a package answers reports: each advisory with the days
 * its fix took, and the issues opened per month with how they stand. Pure
 * functions of a signal's value, which comes from a JSON file anyone may have
 * edited: a malformed point is dropped, a series with none left draws nothing.
 */

interface AdvisoryPoint {
  date: string;
  id: string;
  severity: string;
  status: "fixed" | "not-fixed" | "unknown";
  days: number | null;
}

const statuses = new Set(["fixed", "not-fixed", "unknown"]);

/** The signal keeps at most 200 advisories and 25 months; a longer list comes from a hand-made result. */
const maxPoints = 200;

function advisoryPoints(value: unknown): AdvisoryPoint[] {
  if (!Array.isArray(value)) return [];
  return value.slice(-maxPoints).flatMap((item): AdvisoryPoint[] => {
    if (typeof item !== "object" || item === null) return [];
    const o = item as Record<string, unknown>;
    if (typeof o.date !== "string" || !/^\d{4}-\d{2}/.test(o.date)) return [];
    if (typeof o.id !== "string" || typeof o.status !== "string" || !statuses.has(o.status))
      return [];
    const days = o.status === "fixed" ? o.daysToFix : o.status === "not-fixed" ? o.daysOpen : null;
    const finite = typeof days === "number" && Number.isFinite(days) ? Math.max(0, days) : null;
    return [
      {
        date: o.date,
        id: o.id,
        severity: typeof o.severity === "string" ? o.severity : "unknown",
        status: o.status as AdvisoryPoint["status"],
        days: finite,
      },
    ];
  });
}

/** A bar per advisory at its publication month: days to fix, or days open so far when never fixed. */
export function advisoryChart(value: unknown, title: string): SeriesChart | null {
  const points = advisoryPoints(value);
  if (points.length === 0) return null;
  const labels = points.map((p) => `${p.date.slice(0, 7)} ${p.id} (${p.severity})`);
  const bars = (status: AdvisoryPoint["status"]) =>
    points.map((p) => (p.status === status ? p.days : null));
  const datasets: SeriesDataset[] = [
    {
      label: "days to fix",
      values: bars("fixed"),
      type: "bar",
      axis: "y",
      color: "keep",
      minBar: true,
    },
  ];
  if (points.some((p) => p.status === "not-fixed"))
    datasets.push({
      label: "not fixed: days open",
      values: bars("not-fixed"),
      type: "bar",
      axis: "y",
      color: "sunset",
      minBar: true,
    });
  return {
    id: "advisoryTimeline",
    title,
    labels,
    datasets,
    stacked: true,
    summary: advisorySummary(points),
  };
}

function advisorySummary(points: AdvisoryPoint[]): string {
  const first = points[0]?.date.slice(0, 7) ?? "";
  const last = points[points.length - 1]?.date.slice(0, 7) ?? "";
  const fixedDays = points.flatMap((p) =>
    p.status === "fixed" && p.days !== null ? [p.days] : [],
  );
  const count = (status: AdvisoryPoint["status"]) =>
    points.filter((p) => p.status === status).length;
  const parts = [
    fixedDays.length > 0
      ? `${fixedDays.length} fixed, in a median of ${median(fixedDays)} days`
      : "none with a known fix time",
  ];
  if (count("not-fixed") > 0) parts.push(`${count("not-fixed")} never fixed`);
  if (count("unknown") > 0) parts.push(`${count("unknown")} fixed at an unknown time`);
  const span = first === last ? first : `${first} to ${last}`;
  return `${span}: ${points.length} advisor${points.length === 1 ? "y" : "ies"}; ${parts.join(", ")}`;
}

interface InflowPoint {
  month: string;
  opened: number;
  open: number | null;
  closeDays: number | null;
}

const finiteOrNull = (v: unknown): number | null =>
  typeof v === "number" && Number.isFinite(v) ? v : null;

function inflowPoints(value: unknown): InflowPoint[] {
  if (!Array.isArray(value)) return [];
  return value.slice(-maxPoints).flatMap((item): InflowPoint[] => {
    if (typeof item !== "object" || item === null) return [];
    const o = item as Record<string, unknown>;
    const opened = finiteOrNull(o.count);
    if (typeof o.month !== "string" || opened === null) return [];
    const open = finiteOrNull(o.open);
    return [
      {
        month: o.month,
        opened: Math.max(0, opened),
        open: open === null ? null : Math.min(Math.max(0, open), Math.max(0, opened)),
        closeDays: finiteOrNull(o.closeDays),
      },
    ];
  });
}

/** Issues opened per month, split into closed since and still open, with the median days to close. */
export function issueChart(value: unknown, title: string): SeriesChart | null {
  const points = inflowPoints(value);
  if (points.length === 0) return null;
  const split = points.every((p) => p.open !== null);
  const datasets: SeriesDataset[] = split
    ? [
        {
          label: "closed since",
          values: points.map((p) => p.opened - (p.open ?? 0)),
          type: "bar",
          axis: "y",
          color: "keep",
        },
        {
          label: "still open",
          values: points.map((p) => p.open ?? 0),
          type: "bar",
          axis: "y",
          color: "fix",
        },
      ]
    : [
        {
          label: "opened",
          values: points.map((p) => p.opened),
          type: "bar",
          axis: "y",
          color: "rewrite",
        },
      ];
  const closeDays = points.flatMap((p) => (p.closeDays === null ? [] : [p.closeDays]));
  if (closeDays.length > 0)
    datasets.push({
      label: "median days to close",
      values: points.map((p) => p.closeDays),
      type: "line",
      axis: "y1",
      color: "adopt",
    });
  const first = points[0]?.month ?? "";
  const last = points[points.length - 1]?.month ?? "";
  const opened = points.reduce((sum, p) => sum + p.opened, 0);
  const parts = [`${opened} issues opened`];
  if (split) parts.push(`${points.reduce((sum, p) => sum + (p.open ?? 0), 0)} of them still open`);
  if (closeDays.length > 0)
    parts.push(`monthly median days to close from ${minOf(closeDays)} to ${maxOf(closeDays)}`);
  const span = first === last ? first : `${first} to ${last}`;
  return {
    id: "issueInflow",
    title,
    labels: points.map((p) => p.month),
    datasets,
    stacked: true,
    summary: `${span}: ${parts.join(", ")}`,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const m =
    sorted.length % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return Math.round(m * 10) / 10;
}
