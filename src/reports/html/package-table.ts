import { sourceNames } from "../../collectors/sources.js";
import type { JengaResult, PackageResult } from "../../result/types.js";
import { verdictNames, verdicts } from "../../scoring/verdicts.js";
import { signalCatalog } from "../../signals/catalog.js";
import { html, type SafeHtml } from "./escape.js";
import { packagePagePath } from "./file-names.js";
import { absent, percent } from "./format.js";
import { viaOthers } from "./leverage.js";

export const verdictRank: Record<string, number> = Object.fromEntries(
  ["sunset", "adopt", "rewrite", "fix", "keep", "unknown"].map((v, i) => [v, i]),
);

/** The worst first: most drastic verdict, then lowest health. */
export function byUrgency(a: PackageResult, b: PackageResult): number {
  return (
    (verdictRank[a.verdict] ?? 0) - (verdictRank[b.verdict] ?? 0) ||
    (a.health ?? 101) - (b.health ?? 101) ||
    a.name.localeCompare(b.name)
  );
}

export function glossaryHref(root: string, signal: string): string | null {
  return Object.hasOwn(signalCatalog, signal) ? `${root}glossary.html#signal-${signal}` : null;
}

/** Rows per page: a screen or two, so 2,000 packages never make one 400,000-pixel page. */
export const pageSize = 50;

interface TableOptions {
  root: string;
  /** The portfolio's projects: a column and a filter when there are several. */
  projects: JengaResult["projects"];
  caption: string;
}

/**
 * Column widths are fixed (report.css, `table-layout: fixed`), so the table
 * fits the window whatever the data: long names and reasons are cut with an
 * ellipsis, never widen it. Every signal lives on the package page; the
 * table answers "what and why" at a glance.
 */
function sortButton(label: string, kind: "text" | "number", cls: string): SafeHtml {
  return html`<th scope="col" class="${cls}" aria-sort="none"><button type="button" data-sort="${kind}">${label}</button></th>`;
}

/** Filters (verdict, reach, project, source status), a search box and the page controls, wired up by report.js. */
function controls(o: TableOptions): SafeHtml {
  const boxes = verdictNames.map(
    (v) =>
      html`<label class="chip v-${v}"><input type="checkbox" name="verdict" value="${v}" checked> ${verdicts[v].title}</label>`,
  );
  const projectFilter =
    o.projects.length > 1
      ? html`<label>Project <select id="filter-project"><option value="">all</option>${o.projects.map((p, i) => html`<option value="${i}">${p.name}</option>`)}</select></label>`
      : "";
  const sourceOptions = sourceNames.map(
    (s) => html`<option value="${s}">without ${s} data</option>`,
  );
  return html`<div class="controls">
<fieldset><legend>Verdicts</legend>${boxes}</fieldset>
<label>Reached <select id="filter-reach"><option value="">all</option><option value="direct">direct</option><option value="transitive">transitive</option></select></label>
${projectFilter}
<label>Sources <select id="filter-source"><option value="">any</option><option value="complete">every source</option>${sourceOptions}</select></label>
<span class="search"><label for="filter">Search</label> <input id="filter" type="search" placeholder="name, via or reason" autocomplete="off"></span>
</div>`;
}

function pager(): SafeHtml {
  return html`<div class="pager" role="group" aria-label="Pages of the package table">
<button type="button" id="page-prev">Previous</button>
<span id="shown" aria-live="polite"></span>
<button type="button" id="page-next">Next</button>
</div>`;
}

export function packageTable(packages: readonly PackageResult[], o: TableOptions): SafeHtml {
  const projectIndex = new Map(o.projects.map((p, i) => [p.path, i]));
  const portfolio = o.projects.length > 1;
  // Rows past the first page start hidden, so the first layout is one page's, not 2,000 rows'.
  const rows = [...packages]
    .sort(byUrgency)
    .map((p, i) => packageRow(p, o, projectIndex, i >= pageSize));
  // The pager above the table: its count answers the filters at once, and Next is on screen.
  return html`${controls(o)}
${pager()}
<table id="packages" class="packages${portfolio ? " portfolio" : ""}" data-page-size="${pageSize}">
<caption>${o.caption}</caption>
<thead><tr>
${sortButton("Package", "text", "c-name")}
${sortButton("Verdict", "number", "c-verdict")}
${sortButton("Health", "number", "c-health")}
${sortButton("Confidence", "number", "c-conf")}
${sortButton("Impact", "number", "c-impact")}
${sortButton("Reached", "text", "c-reach")}
${portfolio ? sortButton("Projects", "number", "c-projects") : ""}
${sortButton("Sources", "number", "c-sources")}
<th scope="col" class="c-reason">Top reason</th>
</tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

/** Longer texts may be cut by their column's ellipsis: only they carry the whole text in a title. */
const longName = 28;
const longReason = 60;

/** The reason that decided the verdict, else the first. */
export function topReason(p: PackageResult): string {
  const reason =
    p.reasons.find((r) => r.action === p.verdict) ??
    p.reasons.find((r) => r.action !== null) ??
    p.reasons[0];
  return reason?.text ?? absent;
}

function packageRow(
  p: PackageResult,
  o: TableOptions,
  projectIndex: ReadonlyMap<string, number>,
  hidden: boolean,
): SafeHtml {
  const via = viaOthers(p);
  const reached = p.direct
    ? "direct"
    : via.length > 0
      ? `via ${via[0]}${via.length > 1 ? ` +${via.length - 1}` : ""}`
      : "transitive";
  const waived = p.waiver && !p.waiver.expired;
  const missing = sourceNames.filter((s) => p.sources[s] !== "ok");
  const okCount = sourceNames.length - missing.length;
  const reason = topReason(p);
  const inProjects = p.projects
    .map((path) => projectIndex.get(path))
    .filter((i) => i !== undefined);
  return html`<tr data-verdict="${p.verdict}" data-reach="${p.direct ? "direct" : "transitive"}" data-missing="${missing.join(" ")}" data-projects="${inProjects.join(" ")}"${hidden ? html` hidden` : ""}>
<th scope="row" class="c-name"><a href="${o.root}${packagePagePath(p.name)}"${p.name.length > longName ? html` title="${p.name}"` : ""}>${p.name}</a> <small>${p.versions.join(", ")}</small></th>
<td data-value="${verdictRank[p.verdict]}"><span class="badge v-${p.verdict}">${p.verdict}</span>${waived ? html` <small>waived</small>` : ""}</td>
<td data-value="${p.health ?? ""}">${p.health ?? "unknown"}</td>
<td data-value="${p.confidence}">${percent(p.confidence)}</td>
<td data-value="${p.impact}">${p.impact}</td>
<td data-value="${p.direct ? "0" : "1"}${reached}" title="${p.direct ? "direct" : `via ${via.join(", ") || "a transitive path"}`}">${reached}</td>
${o.projects.length > 1 ? html`<td data-value="${p.projects.length}">${p.projects.length}</td>` : ""}
<td data-value="${okCount}" title="${missing.length > 0 ? `without ${missing.join(", ")}` : "every source"}">${okCount}/${sourceNames.length}</td>
<td class="c-reason"${reason.length > longReason ? html` title="${reason}"` : ""}>${reason}</td>
</tr>`;
}
