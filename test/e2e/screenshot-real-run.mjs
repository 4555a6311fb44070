#!/usr/bin/env node
// Refreshes the README's screenshot of a real run: jenga analyzes this repository's own
// dependencies, then Debian's chromium photographs the report's index from file://.
// Run by hand after `npm ci` (not a test): node test/e2e/screenshot-real-run.mjs
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { chromiumFlags, chromiumPath } from "../helpers/browser-flags.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const work = mkdtempSync(path.join(os.tmpdir(), "jenga-screenshot-"));
const out = path.join(work, "report");
const run = spawnSync(
  process.execPath,
  [path.join(root, ".build/cli/main.js"), "analyze", root, "--quiet", "--out", out],
  {
    stdio: "inherit",
  },
);
if (run.status !== 0) process.exit(run.status ?? 1);

const context = await chromium.launchPersistentContext(path.join(work, "profile"), {
  executablePath: chromiumPath,
  headless: true,
  viewport: { width: 1400, height: 1900 },
  args: chromiumFlags,
});
const page = await context.newPage();
await page.goto(pathToFileURL(path.join(out, "index.html")).href);
await page.waitForTimeout(500);
await page.screenshot({ path: path.join(root, "test/e2e/screenshots/real-run.png") });
await context.close();
rmSync(work, { recursive: true, force: true });
