import { sources } from "../../collectors/sources.js";
import type { JengaResult } from "../../result/types.js";
import { verdictNames, verdicts } from "../../scoring/verdicts.js";
import { signalCatalog } from "../../signals/catalog.js";
import { html } from "./escape.js";
import { renderPage } from "./layout.js";

/** Verdicts, signals and sources, rendered from their metadata tables (STYLE.md 3). */
export function renderGlossary(result: JengaResult): string {
  const verdictItems = verdictNames.map(
    (v) =>
      html`<dt id="verdict-${v}"><span class="badge v-${v}">${v}</span> ${verdicts[v].title}</dt><dd>${verdicts[v].meaning} <em>What to do:</em> ${verdicts[v].remediation}</dd>`,
  );
  const signalItems = Object.entries(signalCatalog).map(
    ([id, s]) =>
      html`<dt id="signal-${id}">${s.title} <small>(${id}, ${s.unit})</small></dt><dd>${s.description} <em>Why it matters:</em> ${s.why} <em>What to do:</em> ${s.remediation}</dd>`,
  );
  const sourceItems = Object.entries(sources).map(
    ([id, s]) =>
      html`<dt id="source-${id}">${s.title}</dt><dd>${s.description} <em>Without it:</em> ${s.withoutIt}</dd>`,
  );
  const body = html`<h1>Glossary</h1>
<section aria-labelledby="g-verdicts"><h2 id="g-verdicts">Verdicts</h2><dl>${verdictItems}</dl></section>
<section aria-labelledby="g-signals"><h2 id="g-signals">Signals</h2><dl>${signalItems}</dl></section>
<section aria-labelledby="g-sources"><h2 id="g-sources">Data sources</h2><dl>${sourceItems}</dl></section>`;
  return renderPage({ title: "jenga: glossary", root: "", result, body, chartJson: null });
}
