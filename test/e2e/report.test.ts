// The HTML report in a real browser: Debian's chromium, headless, through playwright-core,
// from file:// with no network. A missing chromium fails the
// test (.ci/run installs it). Screenshots go to reports/screenshots/ (gitignored); set
// JENGA_UPDATE_SCREENSHOT=1 to refresh the README's test/e2e/screenshots/index.png.

import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageFileName } from "../../src/reports/html/file-names.js";
import { pageSize } from "../../src/reports/html/package-table.js";
import { writeHtml } from "../../src/reports/html/write-html.js";
import { writeFiles } from "../../src/reports/write-files.js";
import type { JengaResult } from "../../src/result/types.js";
import { launchTestBrowser, type TestBrowser } from "../helpers/browser.js";
import { syntheticResult } from "../helpers/synthetic-result.mjs";
import { fullPackageSignals } from "../reports/html-package-signals.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const screenshots = path.join(repo, "reports", "screenshots");
const hostileName = `<img src=x onerror=alert(1)>/../../evil`;
/** A package with every chart (activity, advisories, issues) and a usage section. */
const fullName = "full-history";

interface Problems {
  console: string[];
  errors: string[];
}

async function open(context: BrowserContext, url: string, problems: Problems): Promise<Page> {
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.console.push(m.text());
  });
  page.on("pageerror", (e) => problems.errors.push(String(e)));
  await page.goto(url, { waitUntil: "load" });
  return page;
}

/** CSP violations recorded by the init script, read back from the page. */
const cspViolations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);

/** How many pixels of each canvas are not blank. */
const paintedPixels = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll("canvas")).map((canvas) => {
      const ctx = canvas.getContext("2d");
      if (!ctx || canvas.width === 0 || canvas.height === 0) return 0;
      const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] ?? 0) > 0) painted++;
      return painted;
    }),
  );

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

describe("HTML report in headless chromium", () => {
  let dir = "";
  let browser: TestBrowser | undefined;
  let context: BrowserContext;
  let result: JengaResult;
  const problems: Problems = { console: [], errors: [] };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "jenga-e2e-"));
    result = syntheticResult(60, { projects: 2 }) as JengaResult;
    const hostile = structuredClone(result.packages[7]);
    if (hostile) {
      result.packages.push({ ...hostile, name: hostileName, verdict: "sunset" });
      result.packages.push({
        ...hostile,
        name: fullName,
        signals: fullPackageSignals(hostileName),
      });
    }
    await writeFiles(dir, writeHtml(result));
    await mkdir(screenshots, { recursive: true });
    browser = await launchTestBrowser({ width: 1400, height: 1000 });
    context = browser.context;
    await context.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const indexUrl = () => pathToFileURL(path.join(dir, "index.html")).href;

  it("opens the index with no errors and no CSP violations, and paints every chart", async () => {
    const page = await open(context, indexUrl(), problems);
    await page.waitForFunction(() => document.querySelectorAll("canvas").length === 2);
    const painted = await paintedPixels(page);
    expect(painted).toHaveLength(2);
    for (const n of painted) expect(n).toBeGreaterThan(500);
    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual({ console: [], errors: [] });
    // The hostile name is text, not markup.
    expect(await page.locator("img").count()).toBe(0);
    await expect(page.getByText(hostileName).first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(screenshots, "index-light.png"), fullPage: true });
    const readmeShot = path.join(repo, "test/e2e/screenshots/index.png");
    if (process.env.JENGA_UPDATE_SCREENSHOT === "1" || !existsSync(readmeShot)) {
      const clip = { x: 0, y: 0, width: 1400, height: 1900 };
      await page.screenshot({ path: path.join(screenshots, "readme.png"), clip, fullPage: true });
      await copyFile(path.join(screenshots, "readme.png"), readmeShot);
    }
    await page.emulateMedia({ colorScheme: "dark" });
    await page.reload({ waitUntil: "load" });
    await page.waitForFunction(() => document.querySelectorAll("canvas").length === 2);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe("rgb(13, 17, 23)");
    for (const n of await paintedPixels(page)) expect(n).toBeGreaterThan(500);
    await page.screenshot({ path: path.join(screenshots, "index-dark.png"), fullPage: true });
    await page.emulateMedia({ colorScheme: "light" });
    // The toggle overrides the system theme.
    await page.getByRole("button", { name: /Colour theme/ }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("light");
    await page.getByRole("button", { name: /Colour theme/ }).click();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      "rgb(13, 17, 23)",
    );
    // Back to automatic, so later pages follow the emulated colour scheme.
    await page.getByRole("button", { name: /Colour theme/ }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual({ console: [], errors: [] });
    await page.close();
  });

  it("sorts by mouse and by keyboard, with aria-sort", async () => {
    const page = await open(context, indexUrl(), problems);
    const health = page.locator("#packages thead th", { hasText: "Health" });
    await health.getByRole("button").click();
    await expect(health.getAttribute("aria-sort")).resolves.toBe("ascending");
    const values = (await visibleCells(page, "Health")).map(Number);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    await health.getByRole("button").click();
    await expect(health.getAttribute("aria-sort")).resolves.toBe("descending");
    const down = (await visibleCells(page, "Health")).map(Number);
    expect(down).toEqual([...down].sort((a, b) => b - a));

    const name = page.locator("#packages thead th", { hasText: "Package" });
    await name.getByRole("button").focus();
    await page.keyboard.press("Enter");
    await expect(name.getAttribute("aria-sort")).resolves.toBe("ascending");
    await expect(health.getAttribute("aria-sort")).resolves.toBe("none");
    const names = (await visibleCells(page, "Package")).map((n) => n.toLowerCase());
    expect(names).toEqual([...names].sort());
    await page.keyboard.press("Space");
    await expect(name.getAttribute("aria-sort")).resolves.toBe("descending");
    expect(problems).toEqual({ console: [], errors: [] });
    await page.close();
  });

  it("filters by verdict and by text, by mouse and by keyboard", async () => {
    const page = await open(context, indexUrl(), problems);
    const total = result.packages.length;
    await expect(page.locator("#shown").textContent()).resolves.toBe(
      `Showing 1–${pageSize} of ${total} packages · page 1 of ${Math.ceil(total / pageSize)}`,
    );
    await page.getByRole("checkbox", { name: "Keep" }).click();
    const verdicts = await visibleCells(page, "Verdict");
    expect(verdicts.length).toBe(Math.min(pageSize, total - result.summary.keep));
    await expect(page.locator("#shown").textContent()).resolves.toContain(
      `of ${total - result.summary.keep} packages (${total} in all)`,
    );
    expect(verdicts).not.toContain("4"); // keep's rank
    await page.getByRole("checkbox", { name: "Sunset" }).focus();
    await page.keyboard.press("Space");
    const withoutSunset = await visibleCells(page, "Verdict");
    expect(withoutSunset).not.toContain("0");
    await page.getByRole("checkbox", { name: "Keep" }).check();
    await page.getByRole("checkbox", { name: "Sunset" }).check();
    await page.getByLabel("Search").focus();
    await page.keyboard.type("pkg-1");
    const shown = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLTableRowElement>("#packages tbody tr"))
        .filter((row) => !row.hidden)
        .map((row) => row.textContent ?? ""),
    );
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(result.packages.length);
    for (const text of shown) expect(text).toContain("pkg-1");
    await page.getByLabel("Search").fill("");
    expect((await visibleCells(page, "Package")).length).toBe(Math.min(pageSize, total));
    expect(problems).toEqual({ console: [], errors: [] });
    await page.close();
  });

  it("opens a package page from its link, with its activity and tag charts painted", async () => {
    const page = await open(context, indexUrl(), problems);
    const target = "pkg-0"; // has commitsPerMonth (with authors) and releases series in the synthetic result
    // The table shows one page at a time: find it first.
    await page.getByLabel("Search").fill(target);
    await page.locator("#packages").getByRole("link", { name: target, exact: true }).click();
    await page.waitForLoadState("load");
    expect(page.url()).toMatch(new RegExp(`/packages/${pageFileName(target)}$`));
    await expect(page.locator("h1").textContent()).resolves.toContain(target);
    await page.waitForFunction(() => document.querySelectorAll("canvas").length === 2);
    const painted = await paintedPixels(page);
    expect(painted).toHaveLength(2);
    for (const n of painted) expect(n).toBeGreaterThan(200);
    // Bars, a line on a second axis, and the tags below: every dataset reached Chart.js.
    const drawn = await page.evaluate(() => {
      const Chart = (window as unknown as { Chart: { getChart(c: HTMLCanvasElement): unknown } })
        .Chart;
      return Array.from(document.querySelectorAll("canvas")).map((canvas) => {
        const chart = Chart.getChart(canvas) as {
          data: { datasets: { type: string; data: number[] }[] };
          scales: Record<string, unknown>;
        };
        return {
          types: chart.data.datasets.map((d) => d.type),
          points: chart.data.datasets.map((d) => d.data.length),
          scales: Object.keys(chart.scales).sort(),
        };
      });
    });
    expect(drawn).toEqual([
      { types: ["bar", "line"], points: [24, 24], scales: ["x", "y", "y1"] },
      { types: ["bar"], points: [24], scales: ["x", "y"] },
    ]);
    expect(await cspViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(screenshots, "package-light.png"), fullPage: true });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.screenshot({ path: path.join(screenshots, "package-dark.png"), fullPage: true });
    // Back to the index through the navigation, and to the hostile package's page.
    await page.getByRole("link", { name: "jenga", exact: true }).click();
    await page.waitForLoadState("load");
    await page.getByRole("link", { name: hostileName }).first().click();
    await page.waitForLoadState("load");
    expect(page.url()).toContain(`/packages/${pageFileName(hostileName)}`);
    await expect(page.locator("h1").textContent()).resolves.toContain(hostileName);
    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual({ console: [], errors: [] });
    await page.close();
  });

  it("paints the advisory and issue charts and shows the usage section as text", async () => {
    const url = pathToFileURL(path.join(dir, "packages", pageFileName(fullName))).href;
    const page = await open(context, url, problems);
    await page.waitForFunction(() => document.querySelectorAll("canvas").length === 4);
    const painted = await paintedPixels(page);
    expect(painted).toHaveLength(4);
    for (const n of painted) expect(n).toBeGreaterThan(200);
    const drawn = await page.evaluate(() => {
      const Chart = (window as unknown as { Chart: { getChart(c: HTMLCanvasElement): unknown } })
        .Chart;
      return Array.from(document.querySelectorAll("canvas")).map((canvas) => {
        const chart = Chart.getChart(canvas) as {
          data: { datasets: { type: string; data: unknown[] }[] };
          options: { scales: { y: { stacked?: boolean } } };
        };
        return {
          label: canvas.getAttribute("aria-label")?.split(" over time")[0],
          types: chart.data.datasets.map((d) => d.type),
          stacked: chart.options.scales.y.stacked === true,
        };
      });
    });
    expect(drawn).toEqual([
      { label: "Commits per month", types: ["bar", "line"], stacked: false },
      { label: "Tags per month", types: ["bar"], stacked: false },
      { label: "Advisories and time to fix", types: ["bar", "bar"], stacked: true },
      { label: "Issue inflow", types: ["bar", "bar", "line"], stacked: true },
    ]);
    // Hostile symbols, file paths and replacement names are text: no image, no script ran.
    expect(await page.locator("img").count()).toBe(0);
    const usage = page.locator("section.usage");
    await expect(usage.locator(".symbols code").last().textContent()).resolves.toBe(hostileName);
    await expect(usage.locator(".sites code").first().textContent()).resolves.toBe(
      `src/${hostileName}.ts:1`,
    );
    await expect(usage.locator(".more").textContent()).resolves.toBe("and 4 more");
    await page.screenshot({ path: path.join(screenshots, "package-full.png"), fullPage: true });
    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual({ console: [], errors: [] });
    await page.close();
  });
});
