import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "../../src/reports/html/render-index.js";
import { writers } from "../../src/reports/writers.js";
import { jengaResult, packageResult } from "../helpers/result.js";

const hostile = `<script>alert(1)</script><img src=x onerror=alert(2)>"'&`;

function render(result = jengaResult([])) {
  const files = writers.html(result);
  return { files, $: cheerio.load(files["index.html"] ?? "") };
}

describe("HTML report", () => {
  it("carries a strict Content-Security-Policy and no inline script or style", () => {
    const { $ } = render(jengaResult([packageResult()]));
    expect($('meta[http-equiv="Content-Security-Policy"]').attr("content")).toBe(
      contentSecurityPolicy,
    );
    expect(contentSecurityPolicy).toContain("default-src 'none'");
    expect(contentSecurityPolicy).not.toContain("unsafe-inline");
    $("script").each((_, el) => expect($(el).attr("src")).toBe("report.js"));
    expect($("style").length).toBe(0);
    expect($("[onclick], [onerror], [onload], [style]").length).toBe(0);
  });

  it("shows the summary counts and one row per package", () => {
    const { $ } = render(
      jengaResult([
        packageResult({ name: "a" }),
        packageResult({ name: "b", verdict: "sunset", health: 10 }),
      ]),
    );
    expect($(".card.v-sunset .count").text()).toBe("1");
    expect($(".card.v-keep .count").text()).toBe("1");
    expect($("#packages tbody tr")).toHaveLength(2);
    // The worst first.
    expect($("#packages tbody tr").first().find("th").text()).toContain("b");
    expect($("#packages thead th[scope=col]")).toHaveLength(7);
  });

  it("escapes hostile strings in every field that reaches the page", () => {
    const pkg = packageResult({
      name: hostile,
      versions: [hostile],
      via: [hostile],
      direct: false,
      reasons: [
        { signal: "deprecated", code: "deprecated", text: hostile, action: "sunset", points: 80 },
      ],
    });
    const { files, $ } = render(
      jengaResult([pkg], {
        notes: [hostile],
        projects: [{ path: hostile, name: hostile, lockfile: null, kind: "npm-lock" }],
      }),
    );
    const page = files["index.html"] ?? "";
    expect(page).not.toContain("<script>alert");
    expect(page).not.toContain("<img src=x");
    expect($("img").length).toBe(0);
    expect($("script").length).toBe(1);
    expect($("title").text()).toBe(`jenga: ${hostile}`);
    expect($("#packages tbody th").text()).toContain(hostile);
    expect($(".notes li").text()).toBe(hostile);
  });

  it("writes its stylesheet and script beside the page, and the JSON result", () => {
    const { files } = render();
    expect(Object.keys(files).sort()).toEqual([
      "index.html",
      "jenga.json",
      "report.css",
      "report.js",
    ]);
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
