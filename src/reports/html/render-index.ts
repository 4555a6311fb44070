import type { JengaResult, PackageResult } from "../../result/types.js";
import { verdictNames, verdicts } from "../../scoring/verdicts.js";
import { sourceGaps } from "../source-gaps.js";
import { jsonForScript, quadrantPoints } from "./chart-data.js";
import { html, type SafeHtml } from "./escape.js";
import { packagePagePath, projectPagePath } from "./file-names.js";
import { renderPage } from "./layout.js";
import { fundingLimit, isUpgradeChore, topScore, viaOthers, whereToActFirst } from "./leverage.js";
import { packageTable, topReason } from "./package-table.js";

export { contentSecurityPolicy } from "./layout.js";

/** Health buckets of the distribution, lowest first: fifths of the 0–100 scale. */
const healthBuckets = [0, 20, 40, 60, 80] as const;

export function healthDistribution(packages: readonly PackageResult[]): {
  labels: string[];
  values: number[];
} {
  const values = healthBuckets.map(() => 0);
  let unknown = 0;
  for (const p of packages) {
    if (p.health === null) {
      unknown++;
      continue;
    }
    const i = Math.min(healthBuckets.length - 1, Math.floor(p.health / 20));
    values[Math.max(0, i)] = (values[Math.max(0, i)] ?? 0) + 1;
  }
  const labels = healthBuckets.map((lo, i) => (i === 4 ? `${lo}–100` : `${lo}–${lo + 19}`));
  // Unknown is its own band, never folded into a number.
  return unknown > 0
    ? { labels: [...labels, "unknown"], values: [...values, unknown] }
    : { labels, values };
}

export const reportTitle = (result: JengaResult): string =>
  result.projects.map((p) => p.name).join(", ") || "jenga report";

/** `root`: "" inside the report's folder; the run folder's name for the index outside it. */
export function renderIndex(result: JengaResult, root = ""): string {
  const title = reportTitle(result);
  const portfolio = result.projects.length > 1;
  const chartJson = jsonForScript({
    quadrant: quadrantPoints(result.packages, (p) => `${root}${packagePagePath(p.name)}`),
    health: healthDistribution(result.packages),
  });
  const body = html`<h1>jenga <span class="muted">${title}</span></h1>
<p class="muted">${result.packages.length} packages in ${result.projects.length} project${portfolio ? "s" : ""}</p>
${gapsSection(result)}
${summary(result)}
${actFirst(result.packages, root)}
${charts()}
${funding(result, root)}
${portfolio ? projects(result, root) : ""}
${sourcesTable(result)}
<section aria-labelledby="packages-h">
<h2 id="packages-h">Packages</h2>
${packageTable(result.packages, { root, projects: result.projects, caption: "Every package, the worst first. Sort by any column; filter by verdict, reach, project, sources or text." })}
</section>`;
  // The index always sits at the report's top, beside the JSON result.
  return renderPage({ title: `jenga: ${title}`, root, home: "", result, body, chartJson });
}

/**
 * The first screen's statement of what the evidence lacks: each source that
 * was unavailable or skipped, for how many packages and why (the same lines
 * as the terminal, Markdown and SARIF), then the run's caveats (a mirror's
 * rewritten times, stripped fields), each said once.
 */
function gapsSection(result: JengaResult): SafeHtml {
  const gaps = sourceGaps(result);
  const complete = gaps.length === 0 && result.notes.length === 0;
  return html`<section aria-labelledby="gaps-h" class="gaps${complete ? "" : " open"}"><h2 id="gaps-h">Gaps in the evidence</h2>
${complete ? html`<p>Every source answered for every package.</p>` : ""}
${gaps.length > 0 ? html`<ul class="source-gaps">${gaps.map((g) => html`<li>${g}</li>`)}</ul>` : ""}
${result.notes.length > 0 ? html`<ul class="notes">${result.notes.map((n) => html`<li>${n}</li>`)}</ul>` : ""}
</section>`;
}

function summary(result: JengaResult): SafeHtml {
  const dist = healthDistribution(result.packages);
  return html`<section aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>
<ul class="cards">${verdictNames.map(
    (v) =>
      html`<li class="card v-${v}"><span class="count">${result.summary[v]}</span> <span>${verdicts[v].title}</span><small>${verdicts[v].meaning}</small></li>`,
  )}</ul>
<h3>Health</h3>
<ul class="cards health">${dist.labels.map(
    (label, i) =>
      html`<li class="card h-${i}"><span class="count">${dist.values[i]}</span> <span>health ${label}</span></li>`,
  )}</ul></section>`;
}

function packageLink(p: PackageResult, root: string): SafeHtml {
  return html`<a href="${root}${packagePagePath(p.name)}">${p.name}</a>`;
}

function actFirst(packages: readonly PackageResult[], root: string): SafeHtml {
  const top = whereToActFirst(packages);
  const items = top.map((p) => {
    const via = viaOthers(p);
    const where = p.direct ? "direct" : `via ${via.join(", ") || "a transitive path"}`;
    return html`<li>${packageLink(p, root)} <span class="badge v-${p.verdict}">${p.verdict}</span> <small>${where} · ${p.dependents} dependents · score ${topScore(p)} · health ${p.health ?? "unknown"}</small><br><span>${topReason(p)}</span></li>`;
  });
  const chores = packages.filter(isUpgradeChore).length;
  return html`<section aria-labelledby="act-h"><h2 id="act-h">Where to act first</h2>
${items.length > 0 ? html`<ol class="act">${items}</ol>` : html`<p>No maintenance risk to act on: nothing to retire, adopt, help upstream with or rewrite.</p>`}
${chores > 0 ? html`<p class="muted">${chores} upgrade${chores === 1 ? "" : "s"} (a fixed advisory, a deprecated release, an old major line) are your own upkeep, not a maintenance risk: filter the table by Fix.</p>` : ""}</section>`;
}

function charts(): SafeHtml {
  return html`<section aria-labelledby="charts-h" class="charts"><h2 id="charts-h">Health against impact</h2>
<figure><div class="chart chart-wide"><canvas id="chart-quadrant" role="img" aria-label="Bubble chart: health (x) against impact (y) for every package, coloured by verdict. The packages table below holds the same data."></canvas></div>
<figcaption>Bottom-right is healthy and little used; top-left, unhealthy and load-bearing: act there. Impact counts dependents, with direct dependencies weighted up; bubble size is unpacked size (or the part you use).</figcaption></figure>
<figure><div class="chart"><canvas id="chart-health" role="img" aria-label="Bar chart: number of packages per health band. The summary above lists the same counts."></canvas></div>
<figcaption>Packages per health band.</figcaption></figure>
</section>`;
}

function funding(result: JengaResult, root: string): SafeHtml {
  const byName = new Map(result.packages.map((p) => [p.name, p]));
  const rows = (result.funders ?? []).slice(0, fundingLimit).flatMap((f, i) => {
    const pkg = byName.get(f.name);
    if (!pkg) return [];
    return [
      html`<tr><td>${i + 1}</td><th scope="row">${packageLink(pkg, root)}</th><td><span class="badge v-${f.verdict}">${f.verdict}</span></td><td>${f.impact}</td><td>${f.health ?? "unknown"}</td><td>${f.need}</td><td>${f.why}</td></tr>`,
    ];
  });
  return html`<section aria-labelledby="fund-h"><h2 id="fund-h">For funders</h2>
<p class="muted">Adopt candidates, then fixes that upstream needs help with (slow fixes, reports piling up), ranked by impact × maintenance risk × the real code they carry. Never unused packages, never your own upgrade debt.</p>
${
  rows.length > 0
    ? html`<div class="table-wrap"><table class="ranking"><thead><tr><th scope="col">#</th><th scope="col">Package</th><th scope="col">Verdict</th><th scope="col">Impact</th><th scope="col">Health</th><th scope="col">Need</th><th scope="col">Why</th></tr></thead><tbody>${rows}</tbody></table></div>`
    : html`<p>No adopt candidates, and no fix that upstream needs help with.</p>`
}</section>`;
}

function projects(result: JengaResult, root: string): SafeHtml {
  const rows = result.projects.map((project) => {
    const used = result.packages.filter((p) => p.projects.includes(project.path));
    const acting = used.filter((p) => p.verdict !== "keep").length;
    return html`<tr><th scope="row"><a href="${root}${projectPagePath(project.path)}">${project.name}</a></th><td>${project.path}</td><td>${used.length}</td><td>${acting}</td></tr>`;
  });
  return html`<section aria-labelledby="projects-h"><h2 id="projects-h">Projects</h2>
<div class="table-wrap"><table><thead><tr><th scope="col">Project</th><th scope="col">Path</th><th scope="col">Packages</th><th scope="col">Not keep</th></tr></thead><tbody>${rows}</tbody></table></div></section>`;
}

/** Distinct reasons listed per source; the rest are counted, so a thousand error messages stay one line. */
const listedReasons = 5;

function sourcesTable(result: JengaResult): SafeHtml {
  const rows = Object.entries(result.sources).map(([source, s]) => {
    const reasons = Object.entries(s.missing).sort((a, b) => b[1] - a[1]);
    const listed = reasons
      .slice(0, listedReasons)
      .map(([status, n]) => html`<li>${n} × ${status}</li>`);
    const rest = reasons.slice(listedReasons);
    const restCount = rest.reduce((sum, [, n]) => sum + n, 0);
    const more =
      rest.length > 0
        ? html`<li>${restCount} × ${rest.length} other reasons (each package's page names its own)</li>`
        : "";
    return html`<tr><th scope="row">${source}</th><td>${s.ok}</td><td><ul>${listed}${more}</ul></td></tr>`;
  });
  return html`<section aria-labelledby="sources-h"><h2 id="sources-h">Data sources</h2><table><thead><tr><th scope="col">Source</th><th scope="col">Packages with data</th><th scope="col">Without data</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}
