#!/usr/bin/env node
// How long the HTML report takes for big trees: render (pure) and write (I/O) on a
// synthetic result. Needs the build (`npm run build`). Prints, never asserts.
//   node test/bench/report.mjs [packages...]   (default: 1000 5000)
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeHtml } from "../../.build/reports/html/write-html.js";
import { writeFiles } from "../../.build/reports/write-files.js";
import { syntheticResult } from "../helpers/synthetic-result.mjs";

const sizes = process.argv.slice(2).map(Number);
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;

for (const count of sizes.length > 0 ? sizes : [1000, 5000]) {
  const result = syntheticResult(count, { projects: 3 });
  const dir = mkdtempSync(path.join(os.tmpdir(), "jenga-report-bench-"));
  try {
    const start = process.hrtime.bigint();
    const files = writeHtml(result);
    const rendered = ms(start);
    await writeFiles(dir, files);
    const total = ms(start);
    const bytes = Object.values(files).reduce((n, s) => n + Buffer.byteLength(s), 0);
    const index = Buffer.byteLength(files["index.html"] ?? "");
    process.stdout.write(
      `${count} packages: render ${rendered.toFixed(0)} ms, render+write ${total.toFixed(0)} ms, ` +
        `${Object.keys(files).length} files, ${(bytes / 1e6).toFixed(1)} MB (index ${(index / 1e6).toFixed(1)} MB)\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
