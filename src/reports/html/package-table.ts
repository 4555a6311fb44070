import type { PackageResult } from "../../result/types.js";
import { actions, verdictNames, verdicts } from "../../scoring/verdicts.js";
import { signalCatalog } from "../../signals/catalog.js";
import { html, type SafeHtml } from "./escape.js";
import { packagePagePath } from "./file-names.js";
import { absent, formatSignal, percent, sortValue } from "./format.js";

/**
 * Signals shown as table columns when a package has them. Some come from
 * collectors still being built: a package without one shows "—", never 0.
 */
export const signalColumns: readonly { id: string; title: string }[] = [
  { id: "monthsSinceLastHumanCommit", title: "Last human commit" },
  { id: "activeMaintainers", title: "Active maintainers" },
  { id: "maintainers", title: "Maintainers" },
  { id: "openAdvisories", title: "Open advisories" },
  { id: "timeToFix", title: "Time to fix" },
  { id: "usedFraction", title: "Used" },
  { id: "monthsSinceLastPublish", title: "Last publish" },
  { id: "unpackedSize", title: "Size" },
];

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

interface TableOptions {
  root: string;
  /** Show how many projects use each package (portfolios). */
  projectsColumn: boolean;
  caption: string;
}

function sortButton(label: string, kind: "text" | "number"): SafeHtml {
  return html`<th scope="col" aria-sort="none"><button type="button" data-sort="${kind}">${label}</button></th>`;
}

function signalHeader(root: string, c: { id: string; title: string }): SafeHtml {
  const href = glossaryHref(root, c.id);
  return html`<th scope="col" aria-sort="none"><button type="button" data-sort="number">${c.title}</button>${href ? html` <a class="gl" href="${href}" aria-label="${c.title}: glossary">?</a>` : ""}</th>`;
}

/** Verdict checkboxes, a search box and a live count, wired up by report.js. */
function controls(): SafeHtml {
  const boxes = verdictNames.map(
    (v) =>
      html`<label class="chip v-${v}"><input type="checkbox" name="verdict" value="${v}" checked> ${verdicts[v].title}</label>`,
  );
  return html`<div class="controls">
<fieldset><legend>Verdicts</legend>${boxes}</fieldset>
<p><label for="filter">Search</label> <input id="filter" type="search" placeholder="name, via or reason" autocomplete="off"></p>
<p id="shown" class="muted" aria-live="polite"></p>
</div>`;
}

export function packageTable(packages: readonly PackageResult[], o: TableOptions): SafeHtml {
  const rows = [...packages].sort(byUrgency).map((p) => packageRow(p, o));
  return html`${controls()}
<div class="table-wrap">
<table id="packages">
<caption>${o.caption}</caption>
<thead><tr>
${sortButton("Package", "text")}
${sortButton("Verdict", "number")}
${sortButton("Health", "number")}
${sortButton("Confidence", "number")}
${actions.map((a) => sortButton(verdicts[a].title, "number"))}
${sortButton("Reached", "text")}
${sortButton("Scope", "text")}
${o.projectsColumn ? sortButton("Projects", "number") : ""}
${signalColumns.map((c) => signalHeader(o.root, c))}
<th scope="col">Top reason</th>
</tr></thead>
<tbody>
${rows}
</tbody>
</table>
</div>`;
}

function packageRow(p: PackageResult, o: TableOptions): SafeHtml {
  const reached = p.direct ? "direct" : p.via.length > 0 ? `via ${p.via.join(", ")}` : "transitive";
  const waived = p.waiver && !p.waiver.expired;
  const reason = p.reasons.find((r) => r.action !== null) ?? p.reasons[0];
  return html`<tr data-verdict="${p.verdict}">
<th scope="row"><a href="${o.root}${packagePagePath(p.name)}">${p.name}</a> <small>${p.versions.join(", ")}</small></th>
<td data-value="${verdictRank[p.verdict]}"><span class="badge v-${p.verdict}">${p.verdict}</span>${waived ? html` <small>(waived)</small>` : ""}</td>
<td data-value="${p.health ?? -1}">${p.health ?? "unknown"}</td>
<td data-value="${p.confidence}">${percent(p.confidence)}</td>
${actions.map((a) => html`<td data-value="${p.scores[a]}">${p.scores[a]}</td>`)}
<td data-value="${p.direct ? "0" : "1"}${reached}">${reached}</td>
<td>${p.scopes.join(", ")}</td>
${o.projectsColumn ? html`<td data-value="${p.projects.length}">${p.projects.length}</td>` : ""}
${signalColumns.map((c) => {
  const s = p.signals[c.id];
  return html`<td data-value="${sortValue(s)}">${s ? formatSignal(s) : absent}</td>`;
})}
<td>${reason?.text ?? absent}</td>
</tr>`;
}
