import type { JengaResult, PackageResult } from "../../result/types.js";
import { verdictNames, verdicts } from "../../scoring/verdicts.js";
import { signalCatalog } from "../../signals/catalog.js";
import { html, type SafeHtml } from "./escape.js";

/**
 * The report's policy: nothing but its own files. No inline script or style,
 * no network, so a hostile string that slipped past escaping still could not run.
 */
export const contentSecurityPolicy =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const verdictOrder = Object.fromEntries(
  ["sunset", "adopt", "rewrite", "fix", "keep"].map((v, i) => [v, i]),
);

export function renderIndex(result: JengaResult): string {
  const packages = [...result.packages].sort(
    (a, b) =>
      (verdictOrder[a.verdict] ?? 0) - (verdictOrder[b.verdict] ?? 0) || a.health - b.health,
  );
  const title = result.projects.map((p) => p.name).join(", ") || "jenga report";
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>jenga: ${title}</title>
<link rel="stylesheet" href="report.css">
<script src="report.js" defer></script>
</head>
<body>
<header><h1>jenga <span class="muted">${title}</span></h1>
<p class="muted">Generated ${result.generatedAt} by jenga ${result.tool.version} · ${result.packages.length} packages in ${result.projects.length} project${result.projects.length === 1 ? "" : "s"}</p></header>
<main>
${summaryCards(result)}
${result.notes.length > 0 ? html`<section aria-labelledby="notes-h"><h2 id="notes-h">Notes</h2><ul class="notes">${result.notes.map((n) => html`<li>${n}</li>`)}</ul></section>` : ""}
${sourcesTable(result)}
<section aria-labelledby="packages-h">
<h2 id="packages-h">Packages</h2>
<p><label for="filter">Filter</label> <input id="filter" type="search" placeholder="name, verdict or reason"></p>
<table id="packages">
<thead><tr>
<th scope="col" aria-sort="none"><button type="button" data-sort="text">Package</button></th>
<th scope="col" aria-sort="none"><button type="button" data-sort="text">Verdict</button></th>
<th scope="col" aria-sort="none"><button type="button" data-sort="number">Health</button></th>
<th scope="col" aria-sort="none"><button type="button" data-sort="number">Confidence</button></th>
<th scope="col">Scores</th>
<th scope="col">Reached</th>
<th scope="col">Top reasons</th>
</tr></thead>
<tbody>
${packages.map(packageRow)}
</tbody>
</table>
</section>
${glossary()}
</main>
</body>
</html>
`.value;
}

function summaryCards(result: JengaResult): SafeHtml {
  return html`<section aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2><ul class="cards">${verdictNames.map(
    (v) =>
      html`<li class="card v-${v}"><span class="count">${result.summary[v]}</span> <span>${verdicts[v].title}</span><small>${verdicts[v].meaning}</small></li>`,
  )}</ul></section>`;
}

function sourcesTable(result: JengaResult): SafeHtml {
  const rows = Object.entries(result.sources).map(([source, s]) => {
    const missing = Object.entries(s.missing).map(([status, n]) => html`<li>${n} × ${status}</li>`);
    return html`<tr><th scope="row">${source}</th><td>${s.ok}</td><td><ul>${missing}</ul></td></tr>`;
  });
  return html`<section aria-labelledby="sources-h"><h2 id="sources-h">Data sources</h2><table><thead><tr><th scope="col">Source</th><th scope="col">Packages with data</th><th scope="col">Without data</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function packageRow(p: PackageResult): SafeHtml {
  const scores = Object.entries(p.scores).map(
    ([action, score]) => html`<span class="score">${action} ${score}</span>`,
  );
  const reached = p.direct ? html`direct` : html`via ${p.via.join(", ")}`;
  const reasons = p.reasons.slice(0, 3).map((r) => html`<li>${r.text}</li>`);
  return html`<tr class="v-${p.verdict}">
<th scope="row">${p.name} <small class="muted">${p.versions.join(", ")}</small></th>
<td data-value="${p.verdict}"><span class="badge v-${p.verdict}">${p.verdict}</span>${p.waiver && !p.waiver.expired ? html` <small>(waived)</small>` : ""}</td>
<td data-value="${p.health}">${p.health}</td>
<td data-value="${p.confidence}">${Math.round(p.confidence * 100)}%</td>
<td>${scores}</td>
<td>${reached} <small class="muted">${p.scopes.join(", ")}</small></td>
<td><ul>${reasons}</ul></td>
</tr>`;
}

function glossary(): SafeHtml {
  const items = Object.entries(signalCatalog).map(
    ([id, s]) =>
      html`<dt id="signal-${id}">${s.title}</dt><dd>${s.description} <em>Why it matters:</em> ${s.why}</dd>`,
  );
  return html`<section aria-labelledby="glossary-h"><h2 id="glossary-h">Glossary</h2><dl>${items}</dl></section>`;
}
