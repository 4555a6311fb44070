import type { JengaResult } from "../../result/types.js";
import { html, raw, type SafeHtml } from "./escape.js";

/**
 * The report's policy: nothing but its own files. No inline script or style,
 * no network, so a hostile string that slipped past escaping still could not run.
 */
export const contentSecurityPolicy =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

/** The vendored chart library, copied beside the pages (no CDN: the report works offline). */
export const chartScript = "chart.umd.min.js";

export interface PageOptions {
  title: string;
  /**
   * The way from this page to the report's top folder: "" for top-level pages, "../" for
   * pages in a subfolder, "run-…/" for the index outside the run folder (see run-folder.ts).
   */
  root: string;
  /**
   * The way from this page to the folder of the index and the JSON result: the report's top,
   * which is the run folder's parent in a written report (see run-folder.ts).
   */
  home: string;
  result: JengaResult;
  body: SafeHtml;
  /** Chart data, already escaped by `jsonForScript`; null when the page draws no chart. */
  chartJson: string | null;
}

/** Every page: the same head, policy, landmarks and navigation. */
export function renderPage(o: PageOptions): string {
  const r = o.root;
  const charts = o.chartJson !== null;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${o.title}</title>
<link rel="stylesheet" href="${r}report.css">
${charts ? html`<script src="${r}${chartScript}" defer></script>` : ""}
<script src="${r}report.js" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top">
<nav aria-label="Report"><a href="${o.home}index.html">jenga</a> <a href="${r}glossary.html">Glossary</a></nav>
<button type="button" id="theme" class="theme" aria-label="Colour theme: automatic">Theme: auto</button>
</header>
<main id="main">
${o.body}
</main>
<footer class="muted">Generated ${o.result.generatedAt} by jenga ${o.result.tool.version}. <a href="${o.home}jenga.json">JSON result</a></footer>
${charts ? html`<script type="application/json" id="chart-data">${rawJson(o.chartJson ?? "null")}</script>` : ""}
</body>
</html>
`.value;
}

/** JSON already made safe for a script element by `jsonForScript`; HTML escaping would corrupt it. */
function rawJson(json: string): SafeHtml {
  return raw(json);
}
