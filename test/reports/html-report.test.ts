import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { pageSize } from "../../src/reports/html/package-table.js";
import { contentSecurityPolicy } from "../../src/reports/html/render-index.js";
import { writeHtml } from "../../src/reports/html/write-html.js";
import { writers } from "../../src/reports/writers.js";
import { jengaResult, packageResult } from "../helpers/result.js";

const hostile = `<script>alert(1)</script><img src=x onerror=alert(2)>"'&`;

function render(result = jengaResult([])) {
  const files = writeHtml(result);
  return { files, $: cheerio.load(files["index.html"] ?? "") };
}

describe("HTML report: index", () => {
  it("carries a strict Content-Security-Policy and no inline script or style", () => {
    const { $ } = render(jengaResult([packageResult()]));
    expect($('meta[http-equiv="Content-Security-Policy"]').attr("content")).toBe(
      contentSecurityPolicy,
    );
    expect(contentSecurityPolicy).toContain("default-src 'none'");
    expect(contentSecurityPolicy).not.toContain("unsafe-inline");
    expect(contentSecurityPolicy).not.toContain("unsafe-eval");
    $("script").each((_, el) => {
      const src = $(el).attr("src");
      if (src === undefined) expect($(el).attr("type")).toBe("application/json");
      else expect(["report.js", "chart.umd.min.js"]).toContain(src);
    });
    expect($("style").length).toBe(0);
    expect($("[onclick], [onerror], [onload], [style]").length).toBe(0);
  });

  it("shows the summary counts and one row per package, the worst first", () => {
    const { $ } = render(
      jengaResult([
        packageResult({ name: "a" }),
        packageResult({ name: "b", verdict: "sunset", health: 10 }),
      ]),
    );
    expect($(".card.v-sunset .count").text()).toBe("1");
    expect($(".card.v-keep .count").text()).toBe("1");
    expect($("#packages tbody tr")).toHaveLength(2);
    expect($("#packages tbody tr").first().find("th").text()).toContain("b");
    expect($("#packages tbody tr").first().attr("data-verdict")).toBe("sunset");
  });

  it("has landmarks, a labelled search, verdict checkboxes and sort buttons with aria-sort", () => {
    const { $ } = render(jengaResult([packageResult()]));
    expect($("header").length).toBe(1);
    expect($("main#main").length).toBe(1);
    expect($("nav[aria-label]").length).toBe(1);
    expect($('label[for="filter"]').length).toBe(1);
    expect(
      $('input[name="verdict"]')
        .map((_, el) => $(el).attr("value"))
        .get(),
    ).toEqual(["keep", "fix", "adopt", "rewrite", "sunset", "unknown"]);
    const sortable = $("#packages thead th[aria-sort]");
    expect(sortable.length).toBe(7);
    sortable.each((_, th) => expect($(th).find("button[type=button][data-sort]").length).toBe(1));
    expect($("#packages caption").text()).not.toBe("");
  });

  it("shows what and why in fixed columns, with the data the filters read", () => {
    const { $ } = render(
      jengaResult([
        packageResult({
          name: "deep",
          direct: false,
          via: ["top", "other"],
          health: null,
          verdict: "adopt",
          reasons: [
            { signal: "dependents", code: "x", text: "context", action: null, points: 0 },
            { signal: "busFactor", code: "y", text: "one person", action: "adopt", points: 20 },
          ],
          sources: {
            registry: "ok",
            git: "unavailable: no network",
            advisories: "ok",
            issues: "skipped: no token",
            usage: "ok",
          },
        }),
        packageResult({ name: "top", via: ["top"] }),
      ]),
    );
    const header = $("#packages thead th")
      .map((_, th) => $(th).text().trim())
      .get();
    expect(header).toEqual([
      "Package",
      "Verdict",
      "Health",
      "Confidence",
      "Impact",
      "Reached",
      "Sources",
      "Top reason",
    ]);
    const deep = $("#packages tbody tr").first();
    expect(deep.attr("data-reach")).toBe("transitive");
    expect(deep.attr("data-missing")).toBe("git issues");
    expect(deep.attr("data-projects")).toBe("0");
    const cells = deep.children();
    expect(cells.eq(2).text()).toBe("unknown");
    expect(cells.eq(2).attr("data-value")).toBe("");
    expect(cells.eq(5).text()).toBe("via top +1");
    expect(cells.eq(5).attr("title")).toBe("via top, other");
    expect(cells.eq(6).text()).toBe("3/5");
    // The reason that decided the verdict, not the first context line.
    expect(cells.eq(7).text()).toBe("one person");
    // A direct package is never "via" itself.
    expect($("#packages tbody tr").eq(1).children().eq(5).text()).toBe("direct");
  });

  it("starts on the first page: rows past it are hidden until report.js pages", () => {
    const names = Array.from({ length: pageSize + 5 }, (_, i) => `p${String(i).padStart(3, "0")}`);
    const { $ } = render(jengaResult(names.map((name) => packageResult({ name }))));
    expect($("#packages tbody tr")).toHaveLength(pageSize + 5);
    expect($("#packages tbody tr[hidden]")).toHaveLength(5);
    expect($("#packages").attr("data-page-size")).toBe(String(pageSize));
    expect($(".pager button").length).toBe(2);
    for (const id of ["filter-reach", "filter-source", "filter"])
      expect($(`#${id}`).length).toBe(1);
    // A project filter only for a portfolio.
    expect($("#filter-project").length).toBe(0);
  });

  it("states the gaps in the evidence before anything else, and groups the sources' reasons", () => {
    const missing = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`unavailable: error ${i}`, 40 - i]),
    );
    const result = jengaResult([packageResult()]);
    result.sources.git = { ok: 3, missing };
    result.notes = ["Publish times look rewritten for 1 of 1 packages."];
    const { $ } = render(result);
    const first = $("main > section").first();
    expect(first.attr("class")).toContain("gaps");
    expect(first.find(".source-gaps li").first().text()).toMatch(
      /^git: 3 of 1 packages; unavailable: error 0 \(40\), unavailable: error 1 \(39\), \d+ for other reasons$/,
    );
    expect(first.find(".notes li").text()).toBe(
      "Publish times look rewritten for 1 of 1 packages.",
    );
    const reasons = $("#sources-h").parent().find("tr:contains('git') li");
    expect(reasons).toHaveLength(6);
    expect(reasons.last().text()).toMatch(/× 35 other reasons/);
  });

  it("says every source answered when none was missing", () => {
    const result = jengaResult([packageResult()]);
    for (const entry of Object.values(result.sources)) {
      entry.ok = 1;
      entry.missing = {};
    }
    const { $ } = render(result);
    expect($("section.gaps").text()).toContain("Every source answered for every package.");
  });

  it("lists where to act first: non-keep, unwaived, direct first", () => {
    const { $ } = render(
      jengaResult([
        packageResult({ name: "deep", direct: false, dependents: 90, verdict: "adopt" }),
        packageResult({
          name: "mine",
          direct: true,
          dependents: 0,
          verdict: "fix",
          reasons: [
            { signal: "timeToFix", code: "slowFixes", text: "slow", action: "fix", points: 40 },
          ],
        }),
        // An upgrade is the user's upkeep, not a maintenance risk: counted, not listed.
        packageResult({
          name: "behind",
          direct: true,
          verdict: "fix",
          reasons: [
            {
              signal: "openAdvisories",
              code: "openAdvisoryFixable",
              text: "upgrade",
              action: "fix",
              points: 60,
            },
          ],
        }),
        packageResult({
          name: "waived",
          verdict: "sunset",
          waiver: { reason: "ok", until: "2099-01-01", expired: false },
        }),
        packageResult({ name: "fine" }),
      ]),
    );
    const names = $(".act li > a")
      .map((_, a) => $(a).text())
      .get();
    expect(names).toEqual(["mine", "deep"]);
    expect($("#act-h").parent().text()).toContain("1 upgrade (");
  });

  it("lists the result's funders: adopt candidates, then fixes upstream needs help with", () => {
    const { $ } = render(
      jengaResult([
        packageResult({
          name: "small-sick",
          verdict: "adopt",
          direct: false,
          dependents: 1,
          impact: 20,
          health: 0,
        }),
        packageResult({
          name: "big-sick",
          verdict: "fix",
          direct: false,
          dependents: 50,
          impact: 60,
          health: 20,
          reasons: [
            {
              signal: "timeToFix",
              code: "slowFixes",
              text: "fixes take 400 days",
              action: "fix",
              points: 15,
            },
          ],
        }),
        packageResult({
          name: "behind",
          verdict: "fix",
          impact: 90,
          health: 50,
          reasons: [
            {
              signal: "majorsBehind",
              code: "majorsBehind",
              text: "2 major lines behind",
              action: null,
              points: 0,
            },
          ],
        }),
        packageResult({ name: "gone", verdict: "sunset", dependents: 100, health: 0 }),
      ]),
    );
    const names = $("table.ranking tbody th")
      .map((_, th) => $(th).text())
      .get();
    // Adopt first; the user's own lag ("behind") and a removal ("gone") are never funding targets.
    expect(names).toEqual(["small-sick", "big-sick"]);
    expect($("table.ranking tbody tr").last().children().last().text()).toBe("fixes take 400 days");
  });

  it("puts chart data in a JSON block that cannot close its element", () => {
    const { $, files } = render(jengaResult([packageResult({ name: `</script><b>${hostile}` })]));
    const block = $("script#chart-data");
    expect(block.attr("type")).toBe("application/json");
    const data = JSON.parse(block.text());
    expect(data.quadrant[0].name).toBe(`</script><b>${hostile}`);
    expect(data.quadrant[0].href).toMatch(/^packages\/[A-Za-z0-9._-]+\.html$/);
    expect(data.health.values.reduce((a: number, b: number) => a + b, 0)).toBe(1);
    expect(files["index.html"]).not.toContain("</script><b>");
    expect($("canvas#chart-quadrant[role=img][aria-label]").length).toBe(1);
  });

  it("escapes hostile strings in every field that reaches the page", () => {
    const pkg = packageResult({
      name: hostile,
      versions: [hostile],
      via: [hostile],
      direct: false,
      verdict: "adopt",
      scopes: [hostile as "prod"],
      signals: { maintainers: { value: hostile, unit: "count", trusted: false, note: hostile } },
      reasons: [{ signal: hostile, code: "x", text: hostile, action: "adopt", points: 80 }],
    });
    const { files, $ } = render(
      jengaResult([pkg], {
        notes: [hostile],
        projects: [{ path: hostile, name: hostile, lockfile: null, kind: "npm-lock" }],
        sources: {
          registry: { ok: 0, missing: { [hostile]: 1 } },
          git: { ok: 0, missing: {} },
          advisories: { ok: 0, missing: {} },
          issues: { ok: 0, missing: {} },
          usage: { ok: 0, missing: {} },
        },
      }),
    );
    const page = files["index.html"] ?? "";
    expect(page).not.toContain("<script>alert");
    expect(page).not.toContain("<img src=x");
    expect($("img").length).toBe(0);
    expect($("script[src]").length).toBe(2);
    expect($("title").text()).toBe(`jenga: ${hostile}`);
    expect($("#packages tbody th").text()).toContain(hostile);
    expect($(".notes li").text()).toBe(hostile);
  });
});

describe("HTML report: files", () => {
  it("writes the pages, its assets, the vendored chart library and the JSON result", () => {
    const { files } = render(jengaResult([packageResult({ name: "a" })]));
    const top = Object.keys(files).filter((f) => !f.includes("/"));
    expect(top.sort()).toEqual([
      "chart.umd.min.js",
      "glossary.html",
      "index.html",
      "jenga.json",
      "report.css",
      "report.js",
    ]);
    expect(files["chart.umd.min.js"]).toMatch(/^\/\*!\n \* Chart\.js v4/);
    expect(JSON.parse(files["jenga.json"] ?? "").schemaVersion).toBe(1);
  });
});

describe("Markdown summary", () => {
  it("lists what to act on, with markup from package data neutralised", () => {
    const md = writers.markdown(
      jengaResult([
        packageResult({ name: "fine" }),
        packageResult({
          name: "bad|pkg",
          verdict: "sunset",
          health: 5,
          reasons: [
            {
              signal: "deprecated",
              code: "deprecated",
              text: "use <b>x</b>\n| injected |",
              action: "sunset",
              points: 80,
            },
          ],
        }),
      ]),
    )["jenga.md"];
    expect(md).toContain("keep 1 · fix 0 · adopt 0 · rewrite 0 · sunset 1");
    expect(md).toContain(
      "| bad\\|pkg | sunset | 5 | direct | use \\<b\\>x\\</b\\> \\| injected \\| |",
    );
    expect(md).not.toContain("fine |");
  });
});

describe("HTML report: written layout", () => {
  it("holds the index and the JSON result once, at the top, and the pages link up to them", () => {
    const files = writers.html(jengaResult([packageResult({ name: "a" })]));
    const names = Object.keys(files);
    expect(names.filter((f) => f.endsWith("index.html"))).toEqual(["index.html"]);
    expect(names.filter((f) => f.endsWith("jenga.json"))).toEqual(["jenga.json"]);
    // One line: pretty-printing doubled the result for no reader.
    expect(files["jenga.json"]?.trimEnd()).not.toContain("\n");
    const page = names.find((f) => f.includes("/packages/")) ?? "";
    const $ = cheerio.load(files[page] ?? "");
    expect($("nav a").first().attr("href")).toBe("../../index.html");
    expect($("footer a").attr("href")).toBe("../../jenga.json");
    const glossary = cheerio.load(
      files[names.find((f) => f.endsWith("glossary.html")) ?? ""] ?? "",
    );
    expect(glossary("footer a").attr("href")).toBe("../jenga.json");
    const index = cheerio.load(files["index.html"] ?? "");
    expect(index("footer a").attr("href")).toBe("jenga.json");
  });
});
