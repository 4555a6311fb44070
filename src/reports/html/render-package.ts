import { sources as sourceInfo } from "../../collectors/sources.js";
import type { JengaResult, PackageResult } from "../../result/types.js";
import { actions, verdicts } from "../../scoring/verdicts.js";
import { signalCatalog } from "../../signals/catalog.js";
import type { SignalResult } from "../../signals/define-signal.js";
import { maxOf } from "../../util/extremes.js";
import { jsonForScript, type SeriesChart, seriesCharts } from "./chart-data.js";
import { html, type SafeHtml } from "./escape.js";
import { packagePagePath } from "./file-names.js";
import { absent, formatSignal, percent } from "./format.js";
import { renderPage } from "./layout.js";
import { viaOthers } from "./leverage.js";
import { glossaryHref } from "./package-table.js";
import { usageSection } from "./render-usage.js";

/**
 * A link target only for web URLs: a repository URL is written by strangers,
 * and `javascript:` or `data:` must stay text. npm's `git+https:` becomes https.
 */
export function safeWebUrl(url: string): string | null {
  const candidate = url.startsWith("git+https://") ? url.slice(4) : url;
  let parsed: URL;
  try {
    parsed = new URL(candidate);
  } catch {
    return null;
  }
  return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
}

const signalTitle = (id: string): string =>
  Object.hasOwn(signalCatalog, id) ? signalCatalog[id as keyof typeof signalCatalog].title : id;

export function renderPackage(
  result: JengaResult,
  p: PackageResult,
  byName: ReadonlySet<string>,
  up = "",
): string {
  const series = seriesCharts(p, signalTitle);
  const body = html`<h1>${p.name} <small>${p.versions.join(", ")}</small></h1>
${verdictSection(p)}
${scoresSection(p)}
${reachedSection(result, p, byName)}
${usageSection(p)}
${seriesSections(series)}
${signalsSection(p)}
${sourcesSection(p)}`;
  return renderPage({
    title: `jenga: ${p.name}`,
    root: "../",
    home: `../${up}`,
    result,
    body,
    chartJson: series.length > 0 ? jsonForScript({ series }) : null,
  });
}

function verdictSection(p: PackageResult): SafeHtml {
  const reasons = p.reasons.map((r) => {
    const href = glossaryHref("../", r.signal);
    const tag = r.action ? html` <small>(${r.action} +${r.points})</small>` : "";
    return html`<li>${r.text}${tag} ${href ? html`<a class="gl" href="${href}">${signalTitle(r.signal)}</a>` : html`<small>${r.signal}</small>`}</li>`;
  });
  const waiver = p.waiver
    ? html`<p class="waiver">Waived until ${p.waiver.until}${p.waiver.expired ? " (expired)" : ""}: ${p.waiver.reason}</p>`
    : "";
  return html`<section aria-labelledby="verdict-h"><h2 id="verdict-h">Verdict</h2>
<p class="verdict"><span class="badge big v-${p.verdict}">${p.verdict}</span> ${verdicts[p.verdict].meaning} <strong>${verdicts[p.verdict].remediation}</strong></p>
<p>Health <strong>${p.health === null ? "unknown" : `${p.health}/100`}</strong> · confidence <strong>${percent(p.confidence)}</strong></p>
${waiver}
<h3>Reasons</h3><ul class="reasons">${reasons}</ul></section>`;
}

function scoresSection(p: PackageResult): SafeHtml {
  return html`<section aria-labelledby="scores-h"><h2 id="scores-h">Scores</h2>
<table class="compact"><thead><tr>${actions.map((a) => html`<th scope="col">${verdicts[a].title}</th>`)}</tr></thead>
<tbody><tr>${actions.map((a) => html`<td>${p.scores[a]}</td>`)}</tr></tbody></table></section>`;
}

function reachedSection(
  result: JengaResult,
  p: PackageResult,
  byName: ReadonlySet<string>,
): SafeHtml {
  const link = (name: string): SafeHtml | string =>
    byName.has(name) ? html`<a href="../${packagePagePath(name)}">${name}</a>` : name;
  const via = viaOthers(p);
  const viaList = via.length > 0 ? via.map((v, i) => html`${i > 0 ? ", " : ""}${link(v)}`) : absent;
  const path = p.path.map(
    (step, i) => html`${i > 0 ? html` <span aria-hidden="true">›</span> ` : ""}${link(step)}`,
  );
  const projectNames = p.projects.map(
    (path) => result.projects.find((q) => q.path === path)?.name ?? path,
  );
  const repo = p.repository ? safeWebUrl(p.repository.url) : null;
  return html`<section aria-labelledby="reached-h"><h2 id="reached-h">How it is reached</h2>
<dl class="facts">
<dt>Dependency</dt><dd>${p.direct ? "direct" : "transitive"} · ${p.scopes.join(", ") || absent}</dd>
<dt>Via</dt><dd>${viaList}</dd>
<dt>Path</dt><dd class="path">${p.path.length > 0 ? path : absent}</dd>
<dt>Dependents in the tree</dt><dd>${p.dependents}</dd>
<dt>Projects</dt><dd>${projectNames.join(", ") || absent}</dd>
<dt>Repository</dt><dd>${
    p.repository
      ? repo
        ? html`<a href="${repo}" rel="noopener noreferrer">${p.repository.url}</a>`
        : p.repository.url
      : absent
  }${p.repository?.directory ? html` <small>(${p.repository.directory})</small>` : ""}</dd>
</dl></section>`;
}

/** Units of values read off publish times: an age or a rate. */
const timeUnits = new Set(["months", "years", "per-year", "days"]);

/**
 * A signal's value as the page shows it. An age or rate jenga itself marks as
 * resting on rewritten publish times (a mirror's copy times) is not shown at
 * all: a number on the page is read as a fact whatever the note beside it says.
 */
function shownValue(p: PackageResult, s: SignalResult): SafeHtml | string {
  const rewritten = p.signals.publishTimesTrusted?.value === false;
  if (rewritten && !s.trusted && timeUnits.has(s.unit))
    return html`<span class="muted">not shown: publish times rewritten</span>`;
  return s.trusted ? formatSignal(s) : html`${formatSignal(s)} <small>(not trusted)</small>`;
}

function signalsSection(p: PackageResult): SafeHtml {
  const rows = Object.entries(p.signals).map(([id, s]) => {
    const href = glossaryHref("../", id);
    return html`<tr><th scope="row">${href ? html`<a href="${href}">${signalTitle(id)}</a>` : id}</th><td>${shownValue(p, s)}</td><td>${s.note ?? ""}</td></tr>`;
  });
  return html`<section aria-labelledby="signals-h"><h2 id="signals-h">Signals</h2>
${
  rows.length > 0
    ? html`<div class="table-wrap"><table><thead><tr><th scope="col">Signal</th><th scope="col">Value</th><th scope="col">Note</th></tr></thead><tbody>${rows}</tbody></table></div>`
    : html`<p>No signals: every source of this package was unavailable.</p>`
}
${signalsLeftOut(p)}</section>`;
}

/** Sources without data: their signals are left out of the result, so the page names them once. */
function signalsLeftOut(p: PackageResult): SafeHtml | "" {
  const missing = Object.entries(p.sources).filter(([, status]) => status !== "ok");
  if (missing.length === 0) return "";
  return html`<p class="muted">No signals from ${missing.map(([source], i) => html`${i > 0 ? ", " : ""}${source}`)}: see the data sources below.</p>`;
}

/** Charts of how the package answers reports get a section of their own after the git history. */
const reportSeries = new Set(["advisoryTimeline", "issueInflow"]);

function seriesSections(series: SeriesChart[]): SafeHtml {
  // Canvas ids index the JSON block's series, so they are numbered before the charts are split.
  const figures = series.map((s, i) => ({
    reports: reportSeries.has(s.id),
    figure: html`<figure><div class="chart${s.id === "releases" ? " chart-short" : ""}"><canvas id="chart-series-${i}" data-series="${i}" role="img" aria-label="${s.title} over time: ${seriesSummary(s)}"></canvas></div><figcaption>${s.title} <small>${seriesSummary(s)}</small></figcaption></figure>`,
  }));
  const history = figures.filter((f) => !f.reports).map((f) => f.figure);
  const reports = figures.filter((f) => f.reports).map((f) => f.figure);
  return html`${history.length > 0 ? html`<section aria-labelledby="history-h" class="charts history"><h2 id="history-h">History</h2>${history}</section>` : ""}
${reports.length > 0 ? html`<section aria-labelledby="reports-h" class="charts history"><h2 id="reports-h">Advisories and issues</h2>${reports}</section>` : ""}`;
}

/** The chart in words, for screen readers and print: each dataset's total over the period shown. */
export function seriesSummary(s: SeriesChart): string {
  if (s.summary !== undefined) return s.summary;
  const span =
    s.labels.length > 1
      ? `${s.labels[0]} to ${s.labels[s.labels.length - 1]}`
      : (s.labels[0] ?? "");
  const totals = s.datasets.map((d) => {
    const values = d.values.filter((v) => v !== null);
    return d.type === "line"
      ? `${d.label} at most ${Math.max(0, maxOf(values))}`
      : `${values.reduce((a, b) => a + b, 0)} ${d.label}`;
  });
  return `${span}: ${totals.join(", ")}`;
}

function sourcesSection(p: PackageResult): SafeHtml {
  const rows = Object.entries(p.sources).map(([source, status]) => {
    const info = Object.hasOwn(sourceInfo, source)
      ? sourceInfo[source as keyof typeof sourceInfo]
      : null;
    return html`<tr><th scope="row"><a href="../glossary.html#source-${source}">${info?.title ?? source}</a></th><td class="${status === "ok" ? "ok" : "missing"}">${status}</td><td>${status === "ok" ? "" : (info?.withoutIt ?? "")}</td></tr>`;
  });
  return html`<section aria-labelledby="sources-h"><h2 id="sources-h">Data sources</h2>
<table><thead><tr><th scope="col">Source</th><th scope="col">Status</th><th scope="col">Without it</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}
