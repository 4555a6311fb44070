import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { pageFileName } from "../../src/reports/html/file-names.js";
import { contentSecurityPolicy } from "../../src/reports/html/layout.js";
import { safeWebUrl } from "../../src/reports/html/render-package.js";
import { writeHtml } from "../../src/reports/html/write-html.js";
import { writeFiles } from "../../src/reports/write-files.js";
import { jengaResult, packageResult } from "../helpers/result.js";

const hostile = `<script>alert(1)</script><img src=x onerror=alert(2)>"'&`;
const hostileNames = [
  "../../x",
  "..",
  ".hidden",
  "a/../../b",
  "C:\\evil",
  hostile,
  "x".repeat(5000),
  "@scope/name",
];

const pageOf = (files: Record<string, string>, name: string) =>
  cheerio.load(files[`packages/${pageFileName(name)}`] ?? "");

describe("HTML report: page file names", () => {
  it("turns any name into one safe file name, distinct names into distinct files", () => {
    const names = hostileNames.map(pageFileName);
    for (const name of names) {
      expect(name).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*\.html$/);
      expect(name.length).toBeLessThan(100);
    }
    expect(new Set(names).size).toBe(names.length);
    expect(pageFileName("a/b")).not.toBe(pageFileName("a_b"));
  });

  it("writes one page per package, each inside packages/", () => {
    const files = writeHtml(jengaResult(hostileNames.map((name) => packageResult({ name }))));
    const pages = Object.keys(files).filter((f) => f.startsWith("packages/"));
    expect(pages).toHaveLength(hostileNames.length);
    for (const page of pages) expect(page).toMatch(/^packages\/[A-Za-z0-9_][A-Za-z0-9._-]*\.html$/);
    const $ = cheerio.load(files["index.html"] ?? "");
    const hrefs = $("#packages tbody th a")
      .map((_, a) => $(a).attr("href"))
      .get();
    expect(hrefs.sort()).toEqual(pages.sort());
  });
});

describe("HTML report: every page", () => {
  it("carries the CSP, the stylesheet and no inline script, style or handler", () => {
    const files = writeHtml(
      jengaResult(
        [
          packageResult({ name: "a", projects: ["/p1"] }),
          packageResult({ name: "b", projects: ["/p2"] }),
        ],
        {
          projects: [
            { path: "/p1", name: "one", lockfile: null, kind: "npm-lock" },
            { path: "/p2", name: "two", lockfile: null, kind: "npm-lock" },
          ],
        },
      ),
    );
    const pages = Object.keys(files).filter((f) => f.endsWith(".html"));
    expect(pages.length).toBe(1 + 1 + 2 + 2); // index, glossary, two packages, two projects
    for (const page of pages) {
      const $ = cheerio.load(files[page] ?? "");
      const root = page.includes("/") ? "../" : "";
      expect($('meta[http-equiv="Content-Security-Policy"]').attr("content")).toBe(
        contentSecurityPolicy,
      );
      expect($('link[rel="stylesheet"]').attr("href")).toBe(`${root}report.css`);
      expect(
        files[`${$('link[rel="stylesheet"]').attr("href")?.replace("../", "")}`],
      ).toBeDefined();
      $("script").each((_, el) => {
        const src = $(el).attr("src");
        if (src === undefined) expect($(el).attr("type")).toBe("application/json");
        else expect(files[src.replace("../", "")]).toBeDefined();
      });
      expect($("style, [style], [onclick], [onerror], [onload]").length).toBe(0);
      expect($("main").length).toBe(1);
    }
  });
});

describe("HTML report: package page", () => {
  it("shows verdict and reasons first, then scores, reach, signals and sources", () => {
    const files = writeHtml(
      jengaResult([
        packageResult({
          name: "left",
          direct: false,
          via: ["app-dep"],
          path: ["app", "app-dep", "left"],
          verdict: "adopt",
          confidence: 0.6,
          reasons: [
            {
              signal: "maintainers",
              code: "one",
              text: "one maintainer",
              action: "adopt",
              points: 20,
            },
          ],
          signals: {
            maintainers: { value: 1, unit: "count", trusted: true },
            monthsSinceLastPublish: {
              value: 41,
              unit: "months",
              trusted: false,
              note: "mirror times",
            },
            brandNewSignal: { value: 3, unit: "count", trusted: true },
          },
          sources: {
            registry: "ok",
            git: "unavailable: no network",
            advisories: "ok",
            issues: "ok",
            usage: "ok",
          },
        }),
        packageResult({ name: "app-dep" }),
      ]),
    );
    const $ = pageOf(files, "left");
    expect($("h2").first().text()).toBe("Verdict");
    expect($(".verdict .badge").text()).toBe("adopt");
    expect($(".reasons li").text()).toContain("one maintainer");
    expect($(".reasons li a").attr("href")).toBe("../glossary.html#signal-maintainers");
    expect($("main").text()).toContain("60%");
    const signalRows = $("#signals-h").parent().find("tbody tr");
    expect(signalRows).toHaveLength(3);
    expect(signalRows.eq(1).text()).toContain("41 mo");
    expect(signalRows.eq(1).text()).toContain("mirror times");
    expect(signalRows.eq(1).find("small").text()).toBe("(not trusted)");
    // A signal the catalog does not know yet is shown, just without a glossary link.
    expect(signalRows.eq(2).find("a").length).toBe(0);
    expect($(".path a").attr("href")).toBe(`../packages/${pageFileName("app-dep")}`);
    expect($("#sources-h").parent().text()).toContain("unavailable: no network");
    // No series: no chart code or data on the page.
    expect($("canvas, script#chart-data").length).toBe(0);
    const glossary = cheerio.load(files["glossary.html"] ?? "");
    expect(glossary("#signal-maintainers").length).toBe(1);
    expect(glossary("#source-git").length).toBe(1);
  });

  it("links only http(s) repositories, with noopener noreferrer", () => {
    expect(safeWebUrl("javascript:alert(1)")).toBeNull();
    expect(safeWebUrl("data:text/html,x")).toBeNull();
    expect(safeWebUrl("git+ssh://git@github.com/a/b.git")).toBeNull();
    expect(safeWebUrl("git+https://github.com/a/b.git")).toBe("https://github.com/a/b.git");
    const files = writeHtml(
      jengaResult([
        packageResult({
          name: "good",
          repository: { url: "https://github.com/a/b", directory: "pkgs/b" },
        }),
        packageResult({ name: "bad", repository: { url: "javascript:alert(1)", directory: null } }),
      ]),
    );
    const good = pageOf(files, "good")('a[href^="https:"]');
    expect(good.attr("href")).toBe("https://github.com/a/b");
    expect(good.attr("rel")).toBe("noopener noreferrer");
    const bad = pageOf(files, "bad");
    expect(bad('a[href^="javascript"]').length).toBe(0);
    expect(bad("main").text()).toContain("javascript:alert(1)");
  });

  it("draws commits per month with people active, and tags on the same months", () => {
    const files = writeHtml(
      jengaResult([
        packageResult({
          name: "busy",
          signals: {
            commitsPerMonth: {
              value: [
                { month: "2025-12", count: 3, authors: 1 },
                { month: "2026-01", count: 0, authors: 0 },
                { month: "2026-02", count: 5, authors: 2 },
              ],
              unit: "series",
              trusted: true,
            },
            releases: {
              value: [
                { month: "2025-10", count: 1 },
                { month: "2026-02", count: 2 },
              ],
              unit: "series",
              trusted: true,
            },
          },
        }),
      ]),
    );
    const $ = pageOf(files, "busy");
    expect($("canvas#chart-series-0").length).toBe(1);
    expect($("canvas#chart-series-1").length).toBe(1);
    expect($('script[src="../chart.umd.min.js"]').length).toBe(1);
    const data = JSON.parse($("script#chart-data").text());
    // One month axis for both, from the first tag to the last commit, empty months included.
    const labels = ["2025-10", "2025-11", "2025-12", "2026-01", "2026-02"];
    expect(data.series).toEqual([
      {
        id: "commitsPerMonth",
        title: "Commits per month",
        labels,
        datasets: [
          { label: "commits", values: [0, 0, 3, 0, 5], type: "bar", axis: "y", color: "rewrite" },
          {
            label: "people active",
            values: [0, 0, 1, 0, 2],
            type: "line",
            axis: "y1",
            color: "adopt",
          },
        ],
      },
      {
        id: "releases",
        title: "Tags per month",
        labels,
        datasets: [
          { label: "tags", values: [1, 0, 0, 0, 2], type: "bar", axis: "y", color: "keep" },
        ],
      },
    ]);
    // The chart in words, for screen readers and print.
    expect($("canvas#chart-series-0").attr("aria-label")).toBe(
      "Commits per month over time: 2025-10 to 2026-02: 8 commits, people active at most 2",
    );
    expect($("figcaption").eq(1).text()).toBe("Tags per month 2025-10 to 2026-02: 3 tags");
  });

  it("tolerates a missing, short or malformed series", () => {
    const files = writeHtml(
      jengaResult([
        packageResult({
          name: "tags-only",
          signals: {
            commitsPerMonth: { value: null, unit: "series", trusted: true, note: "no commits" },
            releases: { value: [{ month: "2026-03", count: 1 }], unit: "series", trusted: true },
          },
        }),
        packageResult({
          name: "odd",
          signals: {
            commitsPerMonth: {
              value: [{ month: "2026-01", count: "many" }],
              unit: "series",
              trusted: true,
            },
            other: { value: [4, 6, 5] as unknown as string[], unit: "count", trusted: true },
          },
        }),
      ]),
    );
    const tagsOnly = JSON.parse(pageOf(files, "tags-only")("script#chart-data").text());
    expect(tagsOnly.series).toEqual([
      {
        id: "releases",
        title: "Tags per month",
        labels: ["2026-03"],
        datasets: [{ label: "tags", values: [1], type: "bar", axis: "y", color: "keep" }],
      },
    ]);
    const odd = JSON.parse(pageOf(files, "odd")("script#chart-data").text());
    // The malformed commits series draws nothing; any other series signal gets a line of its own.
    expect(odd.series).toEqual([
      {
        id: "other",
        title: "other",
        labels: ["1", "2", "3"],
        datasets: [
          { label: "other", values: [4, 6, 5], type: "line", axis: "y", color: "rewrite" },
        ],
      },
    ]);
  });

  it("escapes hostile strings everywhere on the page", () => {
    const files = writeHtml(
      jengaResult([
        packageResult({
          name: hostile,
          versions: [hostile],
          via: [hostile],
          path: [hostile, hostile],
          projects: [hostile],
          repository: { url: `https://x.test/"><script>alert(3)</script>`, directory: hostile },
          reasons: [{ signal: hostile, code: hostile, text: hostile, action: null, points: 0 }],
          signals: { [hostile]: { value: [hostile], unit: "list", trusted: false, note: hostile } },
          sources: { registry: hostile, git: "ok", advisories: "ok", issues: "ok", usage: "ok" },
          waiver: { reason: hostile, until: hostile, expired: true },
        }),
      ]),
    );
    const page = files[`packages/${pageFileName(hostile)}`] ?? "";
    const $ = cheerio.load(page);
    expect(page).not.toContain("<script>alert");
    expect(page).not.toContain("<img src=x");
    expect($("img").length).toBe(0);
    expect($("script").length).toBe(1);
    expect($("h1").text()).toContain(hostile);
    expect($(".waiver").text()).toContain(hostile);
  });
});

describe("HTML report: portfolio", () => {
  it("adds a projects column and a page per project", () => {
    const projects = [
      { path: "/a", name: "alpha", lockfile: null, kind: "npm-lock" as const },
      { path: "/b", name: "beta", lockfile: null, kind: "npm-lock" as const },
    ];
    const files = writeHtml(
      jengaResult(
        [
          packageResult({ name: "shared", projects: ["/a", "/b"] }),
          packageResult({ name: "only-a", projects: ["/a"], verdict: "sunset" }),
        ],
        { projects },
      ),
    );
    const $ = cheerio.load(files["index.html"] ?? "");
    const header = $("#packages thead th")
      .map((_, th) => $(th).text().trim())
      .get();
    const col = header.indexOf("Projects");
    expect(col).toBeGreaterThan(0);
    const shared = $("#packages tbody tr").filter((_, tr) =>
      $(tr).find("th").text().includes("shared"),
    );
    expect(shared.children().eq(col).text()).toBe("2");
    const beta = $("#projects-h")
      .parent()
      .find("a")
      .filter((_, a) => $(a).text() === "beta");
    const betaPage = cheerio.load(files[beta.attr("href") ?? ""] ?? "");
    expect(betaPage("#packages tbody tr")).toHaveLength(1);
    expect(betaPage("#packages tbody th a").attr("href")).toBe(
      `../packages/${pageFileName("shared")}`,
    );
  });

  it("has no project pages for a single project", () => {
    const files = writeHtml(jengaResult([packageResult()]));
    expect(Object.keys(files).some((f) => f.startsWith("projects/"))).toBe(false);
  });
});

describe("writeFiles", () => {
  it("creates subfolders and refuses paths outside the folder", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "jenga-html-"));
    try {
      await writeFiles(dir, { "index.html": "i", "packages/a.html": "a" });
      expect(await readdir(path.join(dir, "packages"))).toEqual(["a.html"]);
      expect(await readFile(path.join(dir, "packages/a.html"), "utf8")).toBe("a");
      await expect(writeFiles(dir, { "../escape.html": "x" })).rejects.toThrow(/outside/);
      await expect(writeFiles(dir, { "/etc/x.html": "x" })).rejects.toThrow(/outside/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  it("a new run folder's files are created, never written through what is in their place", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "jenga-html-"));
    try {
      const secret = path.join(dir, "secret.txt");
      await writeFile(secret, "mine");
      await writeFiles(path.join(dir, "run"), { "packages/a.html": "a" }, dir, { fresh: true });
      expect(await readFile(path.join(dir, "run/packages/a.html"), "utf8")).toBe("a");
      await symlink(secret, path.join(dir, "run/packages/b.html"));
      const planted = writeFiles(path.join(dir, "run"), { "packages/b.html": "b" }, dir, {
        fresh: true,
      });
      await expect(planted).rejects.toThrow(/already in its place/);
      expect(await readFile(secret, "utf8")).toBe("mine");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
