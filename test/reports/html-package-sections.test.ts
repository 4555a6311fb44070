import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { pageFileName } from "../../src/reports/html/file-names.js";
import { writeHtml } from "../../src/reports/html/write-html.js";
import { jengaResult, packageResult } from "../helpers/result.js";
import { fullPackageSignals } from "./html-package-signals.js";

const hostile = `<script>alert(1)</script><img src=x onerror=alert(2)>"'&`;

const pageOf = (files: Record<string, string>, name: string) =>
  cheerio.load(files[`packages/${pageFileName(name)}`] ?? "");

interface ChartJson {
  series: {
    id: string;
    title: string;
    labels: string[];
    datasets: { label: string; values: (number | null)[]; type: string; axis: string }[];
    stacked?: boolean;
    summary?: string;
  }[];
}

describe("HTML report: package page with advisories, issues and usage", () => {
  const files = writeHtml(
    jengaResult([packageResult({ name: "full", signals: fullPackageSignals(hostile) })]),
  );
  const page = files[`packages/${pageFileName("full")}`] ?? "";
  const $ = cheerio.load(page);
  const data = JSON.parse($("script#chart-data").text()) as ChartJson;
  const chart = (id: string) => data.series.find((s) => s.id === id);

  it("charts every series, each on a labelled canvas with its words beside it", () => {
    expect(data.series.map((s) => s.id)).toEqual([
      "commitsPerMonth",
      "releases",
      "advisoryTimeline",
      "issueInflow",
    ]);
    $("canvas").each((i, canvas) => {
      expect($(canvas).attr("id")).toBe(`chart-series-${i}`);
      expect($(canvas).attr("role")).toBe("img");
      expect($(canvas).attr("aria-label")?.length).toBeGreaterThan(20);
    });
    expect($("canvas")).toHaveLength(4);
    // Advisories and issues have a section of their own, after the git history.
    expect($("#reports-h").parent().find("canvas")).toHaveLength(2);
    expect($("#history-h").parent().find("canvas")).toHaveLength(2);
  });

  it("draws a bar per advisory: days to fix, or days open when never fixed", () => {
    const advisories = chart("advisoryTimeline");
    expect(advisories?.stacked).toBe(true);
    expect(advisories?.labels[0]).toBe("2020-04 GHSA-aaaa (medium)");
    expect(advisories?.labels[1]).toBe(`2022-03 ${hostile} (critical)`);
    expect(advisories?.datasets).toEqual([
      expect.objectContaining({ label: "days to fix", values: [0, 4, 61, null, null] }),
      expect.objectContaining({
        label: "not fixed: days open",
        values: [null, null, null, null, 111],
      }),
    ]);
    expect(advisories?.summary).toBe(
      "2020-04 to 2026-02: 5 advisories; 3 fixed, in a median of 4 days, 1 never fixed, 1 fixed at an unknown time",
    );
    const canvas = $("#reports-h").parent().find("canvas").first();
    expect(canvas.attr("aria-label")).toBe(
      `Advisories and time to fix over time: ${advisories?.summary}`,
    );
  });

  it("draws issues opened per month, closed and still open, with the median days to close", () => {
    const issues = chart("issueInflow");
    expect(issues?.labels).toHaveLength(25);
    expect(issues?.datasets.map((d) => [d.label, d.type, d.axis])).toEqual([
      ["closed since", "bar", "y"],
      ["still open", "bar", "y"],
      ["median days to close", "line", "y1"],
    ]);
    const [closed, open, days] = issues?.datasets ?? [];
    // Month 2 (index 1): 5 opened, 1 still open, closed ones took 16 days.
    expect([closed?.values[1], open?.values[1], days?.values[1]]).toEqual([4, 1, 16]);
    // A month with nothing opened has no close time: a gap in the line, not a zero.
    expect(days?.values[0]).toBeNull();
    expect(issues?.summary).toMatch(
      /^2024-06 to 2026-06: \d+ issues opened, \d+ of them still open/,
    );
  });

  it("shows the usage section from the usage signals, hostile strings as text", () => {
    const usage = $("#usage-h").parent();
    const facts = usage
      .find("dt")
      .map((_, dt) => $(dt).text())
      .get();
    expect(facts).toEqual([
      "Class",
      "Roles",
      "Declared as",
      "Used code",
      "Used exports",
      "What you import",
      "Where",
      "Replacement",
    ]);
    expect(usage.find(".usage-class").text()).toBe("runtime");
    expect(usage.text()).toContain("12%");
    expect(
      usage
        .find(".symbols code")
        .map((_, c) => $(c).text())
        .get(),
    ).toEqual(["get", "set", hostile]);
    const sites = usage.find(".sites li");
    expect(sites).toHaveLength(10);
    expect(sites.first().find("code").text()).toBe(`src/${hostile}.ts:1`);
    expect(sites.first().text()).toContain(`→ ${hostile}`);
    expect(usage.find(".more").text()).toBe("and 4 more");
    expect(usage.text()).toContain("14 import sites in 9 files");
    expect(
      usage
        .find(".replacement code")
        .map((_, c) => $(c).text())
        .get(),
    ).toEqual(["Object.groupBy", hostile]);
    expect(usage.find(".replacement").text()).toContain("(native)");
    // No markup from any of it: the page's one script is the JSON block, and no image.
    expect(page).not.toContain("<script>alert");
    expect(page).not.toContain("<img src=x");
    expect($("img").length).toBe(0);
    expect($("script:not([src])").length).toBe(1);
    expect($("script:not([src])").attr("type")).toBe("application/json");
  });

  it("falls back to the first site and the count when no site list is in the result", () => {
    const signals = fullPackageSignals(hostile);
    delete signals.importSiteList;
    delete signals.usedFraction;
    delete signals.usedExportsFraction;
    delete signals.replacement;
    const $$ = pageOf(writeHtml(jengaResult([packageResult({ name: "lean", signals })])), "lean");
    const usage = $$("#usage-h").parent();
    expect(usage.find(".sites li code").text()).toBe(`src/${hostile}.ts:7`);
    expect(usage.find(".more").text()).toBe("and 13 more");
    expect(usage.text()).not.toContain("Used code");
    expect(usage.text()).not.toContain("Replacement");
  });
});

describe("HTML report: absent or malformed advisory, issue and usage data", () => {
  it("draws nothing and shows no usage section when the signals are missing", () => {
    const $ = pageOf(writeHtml(jengaResult([packageResult({ name: "bare" })])), "bare");
    expect($("canvas, script#chart-data, #usage-h, #reports-h").length).toBe(0);
  });

  it("shows unknown usage and skips malformed points", () => {
    const files = writeHtml(
      jengaResult([
        packageResult({
          name: "odd",
          signals: {
            advisoryTimeline: {
              value: [
                { date: "soon", id: "x", severity: "high", status: "fixed", daysToFix: 3 },
                { date: "2025-01-01", id: "GHSA-ok", severity: "high", status: "wat" },
                { date: "2025-02-01", id: "GHSA-ok2", severity: "low", status: "fixed" },
              ],
              unit: "series",
              trusted: true,
            },
            issueInflow: {
              value: null,
              unit: "series",
              trusted: false,
              note: "unknown: issues skipped",
            },
            usageClass: {
              value: null,
              unit: "text",
              trusted: false,
              note: "unknown: usage skipped",
            },
            importSites: { value: null, unit: "count", trusted: false },
            usedSymbols: {
              value: null,
              unit: "list",
              trusted: false,
              note: "unknown: usage skipped",
            },
          },
        }),
      ]),
    );
    const $ = pageOf(files, "odd");
    const data = JSON.parse($("script#chart-data").text()) as ChartJson;
    // Only the one well-formed point survives; a fix with no days is a sliver at 0, never a guess.
    expect(data.series).toHaveLength(1);
    expect(data.series[0]?.labels).toEqual(["2025-02 GHSA-ok2 (low)"]);
    expect(data.series[0]?.datasets[0]?.values).toEqual([null]);
    const usage = $("#usage-h").parent();
    expect(usage.find("dd").first().text()).toBe("unknown (unknown: usage skipped)");
    expect(usage.text()).toContain("unknown: usage skipped");
  });
});
