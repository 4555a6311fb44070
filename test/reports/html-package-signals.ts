import type { SignalResult } from "../../src/signals/define-signal.js";

/**
 * The signals of a package with every chart and a usage section, as analyze
 * writes them, for the cheerio and browser tests. `hostile` goes into symbols,
 * file paths and a replacement: the page must show it as text.
 */
export function fullPackageSignals(hostile: string): Record<string, SignalResult> {
  const months = Array.from({ length: 25 }, (_, i) => {
    const n = 2024 * 12 + 5 + i;
    return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}`;
  });
  return {
    commitsPerMonth: {
      value: months.map((month, i) => ({ month, count: (i * 7) % 11, authors: 1 + (i % 3) })),
      unit: "series",
      trusted: true,
    },
    releases: {
      value: [{ month: "2025-02", count: 1 }],
      unit: "series",
      trusted: true,
    },
    advisoryTimeline: {
      value: [
        { date: "2020-04-03", id: "GHSA-aaaa", severity: "medium", status: "fixed", daysToFix: 0 },
        { date: "2022-03-17", id: hostile, severity: "critical", status: "fixed", daysToFix: 4 },
        { date: "2024-11-02", id: "GHSA-cccc", severity: "high", status: "fixed", daysToFix: 61 },
        { date: "2025-08-20", id: "GHSA-dddd", severity: "low", status: "unknown" },
        {
          date: "2026-02-10",
          id: "GHSA-eeee",
          severity: "high",
          status: "not-fixed",
          daysOpen: 111,
        },
      ],
      unit: "series",
      trusted: true,
      detail: { fixed: 3, notFixed: 1, fixTimeUnknown: 1 },
    },
    issueInflow: {
      value: months.map((month, i) => {
        const count = (i * 5) % 7;
        const point = { month, count, open: Math.min(count, i % 2) };
        return count > point.open ? { ...point, closeDays: 3 + ((i * 13) % 40) } : point;
      }),
      unit: "series",
      trusted: true,
    },
    usageClass: {
      value: "runtime",
      unit: "text",
      trusted: true,
      note: `src/a.ts:3 → get`,
      detail: { roles: "runtime, test", declaredAs: "prod", firstSite: `src/${hostile}.ts:7` },
    },
    importSites: { value: 14, unit: "count", trusted: true, detail: { files: 9 } },
    importSiteList: {
      value: Array.from({ length: 14 }, (_, i) => ({
        file: i === 0 ? `src/${hostile}.ts` : `src/file-${i}.ts`,
        line: i + 1,
        kind: "import",
        symbols: i === 0 ? hostile : "get, set",
      })),
      unit: "series",
      trusted: true,
    },
    usedSymbols: { value: ["get", "set", hostile], unit: "list", trusted: true },
    usedFraction: { value: 0.12, unit: "ratio", trusted: true },
    usedExportsFraction: { value: 0.5, unit: "ratio", trusted: true, note: "2 of 4" },
    replacement: {
      value: ["Object.groupBy", hostile],
      unit: "list",
      trusted: true,
      detail: { kind: "native" },
    },
  };
}
