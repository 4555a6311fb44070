import type { JengaResult, ProjectResult } from "../../result/types.js";
import { verdictNames } from "../../scoring/verdicts.js";
import { html } from "./escape.js";
import { renderPage } from "./layout.js";
import { packageTable } from "./package-table.js";

/** One project of a portfolio: its own counts and table, linking to the shared package pages. */
export function renderProject(result: JengaResult, project: ProjectResult, up = ""): string {
  const used = result.packages.filter((p) => p.projects.includes(project.path));
  const counts = verdictNames.map(
    (v) =>
      html`<li class="card v-${v}"><span class="count">${used.filter((p) => p.verdict === v).length}</span> <span>${v}</span></li>`,
  );
  const body = html`<h1>${project.name}</h1>
<p class="muted">${project.path}${project.lockfile ? html` · ${project.lockfile}` : ""} · ${used.length} packages</p>
<section aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2><ul class="cards">${counts}</ul></section>
<section aria-labelledby="packages-h"><h2 id="packages-h">Packages</h2>
${packageTable(used, { root: "../", projects: result.projects, caption: `Packages used by ${project.name}, the worst first.` })}
</section>`;
  return renderPage({
    title: `jenga: ${project.name}`,
    root: "../",
    home: `../${up}`,
    result,
    body,
    chartJson: null,
  });
}
