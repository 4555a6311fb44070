// The index of a 2,000-package report in a 1,366 × 768 window (issue 16): Debian's chromium,
// headless, through playwright-core, from file:// with no network. The table fits the window
// with one line per row, pages, filters and sorts; the first screen names the sources that
// were unavailable. A missing chromium fails the test (.ci/run installs it). Load time is
// measured by test/bench/report.mjs, never asserted here.

import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageSize } from "../../src/reports/html/package-table.js";
import { writeHtml } from "../../src/reports/html/write-html.js";
import { writeFiles } from "../../src/reports/write-files.js";
import type { JengaResult } from "../../src/result/types.js";
import { launchTestBrowser, type TestBrowser } from "../helpers/browser.js";
import { syntheticResult } from "../helpers/synthetic-result.mjs";

const count = 2000;
const viewport = { width: 1366, height: 768 };

/** The visible rows' cells of one column, by the start of its header. */
const visibleCells = (page: Page, column: string) =>
  page.evaluate((title) => {
    const headers = Array.from(document.querySelectorAll("#packages thead th"));
    const index = headers.findIndex((h) => h.textContent?.trim().startsWith(title));
    return Array.from(document.querySelectorAll<HTMLTableRowElement>("#packages tbody tr"))
      .filter((row) => !row.hidden)
      .map((row) => {
        const cell = row.cells[index] as HTMLElement;
        return cell.dataset.value ?? cell.textContent?.trim() ?? "";
      });
  }, column);

const visibleRows = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLTableRowElement>("#packages tbody tr"))
      .filter((row) => !row.hidden)
      .map((row) => ({ ...row.dataset })),
  );

const shown = (page: Page) => page.locator("#shown").textContent();

describe(`a ${count}-package report in a 1366×768 window`, () => {
  let dir = "";
  let browser: TestBrowser | undefined;
  let context: BrowserContext;
  let page: Page;
  const result = syntheticResult(count, { projects: 3 }) as JengaResult;
  const problems: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "jenga-e2e-scale-"));
    await writeFiles(dir, writeHtml(result));
    browser = await launchTestBrowser(viewport);
    context = browser.context;
    await context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) =>
        console.error(`CSP ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(String(e)));
    await page.goto(pathToFileURL(path.join(dir, "index.html")).href, { waitUntil: "load" });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("names the unavailable sources on the first screen", async () => {
    const gaps = page.locator("section.gaps");
    const box = await gaps.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.y ?? viewport.height) + (box?.height ?? 0)).toBeLessThanOrEqual(viewport.height);
    const text = await gaps.textContent();
    expect(text).toContain(
      `git: ${count / 4} of ${count} packages; skipped: --no-git (${count / 2}), unavailable: clone timed out (github.com) (${count / 4})`,
    );
    expect(text).toContain(`issues: ${count / 2} of ${count} packages; unavailable: no token`);
  });

  it("fits the window: no horizontal scroll, one line per row, pills and numbers unwrapped", async () => {
    const layout = await page.evaluate(() => {
      const rows = Array.from(
        document.querySelectorAll<HTMLTableRowElement>("#packages tbody tr"),
      ).filter((row) => !row.hidden);
      const lineHeight = (el: Element) => Number.parseFloat(getComputedStyle(el).lineHeight);
      return {
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        tableRight: document.getElementById("packages")?.getBoundingClientRect().right ?? 0,
        rows: rows.length,
        // A row taller than two lines of text has wrapped somewhere.
        tallRows: rows.filter((row) => row.getBoundingClientRect().height > 2 * lineHeight(row))
          .length,
        // A wrapped pill or number is more than one line box.
        wrapped: rows.flatMap((row) =>
          Array.from(row.querySelectorAll(".badge, td")).filter(
            (el) => el.getClientRects().length > 1 || el.scrollHeight > lineHeight(el) * 1.9,
          ),
        ).length,
        reasonWidth: document.querySelector("#packages thead .c-reason")?.getBoundingClientRect()
          .width,
      };
    });
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
    expect(layout.tableRight).toBeLessThanOrEqual(layout.clientWidth);
    expect(layout.rows).toBe(pageSize);
    expect(layout.tallRows).toBe(0);
    expect(layout.wrapped).toBe(0);
    // The top reason gets the room the fixed columns leave: readable, not a sliver.
    expect(layout.reasonWidth).toBeGreaterThan(350);
    await expect(shown(page)).resolves.toBe(
      `Showing 1–${pageSize} of ${count} packages · page 1 of ${count / pageSize}`,
    );
  });

  it("pages forward and back", async () => {
    const first = await visibleCells(page, "Package");
    await page.getByRole("button", { name: "Next" }).click();
    await expect(shown(page)).resolves.toMatch(new RegExp(`^Showing ${pageSize + 1}–`));
    const second = await visibleCells(page, "Package");
    expect(second).toHaveLength(pageSize);
    expect(second.filter((name) => first.includes(name))).toEqual([]);
    await page.getByRole("button", { name: "Previous" }).click();
    expect(await visibleCells(page, "Package")).toEqual(first);
    await expect(page.getByRole("button", { name: "Previous" }).isDisabled()).resolves.toBe(true);
  });

  it("filters by verdict, reach, project and source status", async () => {
    const direct = result.packages.filter((p) => p.direct).length;
    await page.locator("#filter-reach").selectOption("direct");
    await expect(shown(page)).resolves.toContain(`of ${direct} packages (${count} in all)`);
    for (const row of await visibleRows(page)) expect(row.reach).toBe("direct");

    await page.locator("#filter-reach").selectOption("");
    await page.locator("#filter-project").selectOption("1");
    const inSecond = result.packages.filter((p) =>
      p.projects.includes(result.projects[1]?.path ?? ""),
    ).length;
    await expect(shown(page)).resolves.toContain(`of ${inSecond} packages`);
    for (const row of await visibleRows(page)) expect(row.projects?.split(" ")).toContain("1");

    await page.locator("#filter-project").selectOption("");
    await page.locator("#filter-source").selectOption("complete");
    const complete = result.packages.filter((p) =>
      Object.values(p.sources).every((s) => s === "ok"),
    ).length;
    expect(complete).toBeGreaterThan(0);
    await expect(shown(page)).resolves.toContain(`of ${complete} packages`);
    for (const row of await visibleRows(page)) expect(row.missing).toBe("");
    await page.locator("#filter-source").selectOption("git");
    await expect(shown(page)).resolves.toContain(`of ${(count * 3) / 4} packages`);
    for (const row of await visibleRows(page)) expect(row.missing?.split(" ")).toContain("git");

    await page.getByRole("checkbox", { name: "Keep" }).uncheck();
    for (const row of await visibleRows(page)) {
      expect(row.verdict).not.toBe("keep");
      expect(row.missing?.split(" ")).toContain("git");
    }
    await page.getByRole("checkbox", { name: "Keep" }).check();
    await page.locator("#filter-source").selectOption("");
    await expect(shown(page)).resolves.toContain(`of ${count} packages ·`);
  });

  it("sorts the whole table, not only the page shown", async () => {
    const health = page.locator("#packages thead th", { hasText: "Health" });
    await health.getByRole("button").click();
    await expect(health.getAttribute("aria-sort")).resolves.toBe("ascending");
    const lowest = Math.min(...result.packages.map((p) => p.health ?? 101));
    const up = (await visibleCells(page, "Health")).map(Number);
    expect(up[0]).toBe(lowest);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    await health.getByRole("button").click();
    const down = (await visibleCells(page, "Health")).map(Number);
    expect(down[0]).toBe(Math.max(...result.packages.map((p) => p.health ?? -1)));
    expect(down).toEqual([...down].sort((a, b) => b - a));
    await page.getByRole("button", { name: "Next" }).click();
    const next = (await visibleCells(page, "Health")).map(Number);
    expect(Math.max(...next)).toBeLessThanOrEqual(Math.min(...down));
    expect(problems).toEqual([]);
  });
});
