import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
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
    expect(sortable.length).toBeGreaterThan(10);
    sortable.each((_, th) => expect($(th).find("button[type=button][data-sort]").length).toBe(1));
    expect($("#packages caption").text()).not.toBe("");
  });

  it("shows '—' for signals a package does not have, and their values when it has them", () => {
    const { $ } = render(
      jengaResult([
        packageResult({
          name: "with",
          signals: {
            activeMaintainers: { value: 2, unit: "count", trusted: true },
            unpackedSize: { value: 2048, unit: "bytes", trusted: true },
          },
        }),
        packageResult({ name: "without" }),
      ]),
    );
    const header = $("#packages thead th")
      .map((_, th) => $(th).text().trim())
      .get();
    const col = (title: string) => header.findIndex((h) => h.startsWith(title));
    const cell = (row: number, title: string) =>
      $($("#packages tbody tr").get(row)).children().eq(col(title));
    expect(cell(0, "Active maintainers").text()).toBe("2");
    expect(cell(0, "Active maintainers").attr("data-value")).toBe("2");
    expect(cell(0, "Size").text()).toBe("2.0 KB");
    expect(cell(1, "Active maintainers").text()).toBe("—");
    expect(cell(1, "Open advisories").text()).toBe("—");
    expect(cell(1, "Open advisories").attr("data-value")).toBe("");
  });

  it("lists where to act first: non-keep, unwaived, direct first", () => {
    const { $ } = render(
      jengaResult([
        packageResult({ name: "deep", direct: false, dependents: 90, verdict: "adopt" }),
        packageResult({ name: "mine", direct: true, dependents: 0, verdict: "fix" }),
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
