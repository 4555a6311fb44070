#!/usr/bin/env node
// How the HTML report scales on a synthetic result: render (pure) and write (I/O) time, the
// report folder's and the JSON result's sizes, and the index's load time in Debian's headless
// chromium at 1366 × 768 (skipped when /usr/bin/chromium is missing). Needs the build
// (`npm run build`). Prints, never asserts.
//   node test/bench/report.mjs [packages...]   (default: 1000 2000 5000)
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { writeReport } from "../../.build/reports/write-report.js";
import { writers } from "../../.build/reports/writers.js";
import { chromiumFlags, chromiumPath } from "../helpers/browser-flags.mjs";
import { syntheticResult } from "../helpers/synthetic-result.mjs";

const sizes = process.argv.slice(2).map(Number);
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

/** Milliseconds from navigation to the load event and to the first page of the table shown. */
async function loadTimes(indexFile) {
  if (!existsSync(chromiumPath)) return null;
  const { chromium } = await import("playwright-core");
  const profile = mkdtempSync(path.join(os.tmpdir(), "jenga-report-bench-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumFlags,
    viewport: { width: 1366, height: 768 },
    offline: true,
  });
  try {
    const page = await context.newPage();
    const times = [];
    // The first load warms the browser's caches; the median of the rest is printed.
    for (let i = 0; i < 4; i++) {
      await page.goto(pathToFileURL(indexFile).href, { waitUntil: "load" });
      await page.waitForFunction(() => document.getElementById("shown")?.textContent !== "");
      times.push(
        await page.evaluate(() => {
          const nav = performance.getEntriesByType("navigation")[0];
          return { load: nav.loadEventEnd, ready: performance.now() };
        }),
      );
    }
    const rest = times.slice(1).sort((a, b) => a.load - b.load);
    return rest[Math.floor(rest.length / 2)];
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

for (const count of sizes.length > 0 ? sizes : [1000, 2000, 5000]) {
  const result = syntheticResult(count, { projects: 3 });
  const dir = mkdtempSync(path.join(os.tmpdir(), "jenga-report-bench-"));
  try {
    const start = process.hrtime.bigint();
    const files = writers.html(result);
    const rendered = ms(start);
    await writeReport(dir, files, dir);
    const total = ms(start);
    const bytes = Object.values(files).reduce((n, s) => n + Buffer.byteLength(s), 0);
    const index = Buffer.byteLength(files["index.html"] ?? "");
    const json = Buffer.byteLength(files["jenga.json"] ?? "");
    const load = await loadTimes(path.join(dir, "index.html"));
    process.stdout.write(
      `${count} packages: render ${rendered.toFixed(0)} ms, render+write ${total.toFixed(0)} ms, ` +
        `${Object.keys(files).length} files, report ${mb(bytes)} (index ${mb(index)}, JSON ${mb(json)}), ` +
        (load
          ? `index load ${load.load.toFixed(0)} ms, first page shown ${load.ready.toFixed(0)} ms\n`
          : `index load not measured (${chromiumPath} missing)\n`),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
