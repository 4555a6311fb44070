import { sources } from "../../collectors/sources.js";
import type { JengaResult } from "../../result/types.js";
import { defaultPolicy } from "../../scoring/policy.js";
import { ruleTable } from "../../scoring/rule-table.js";
import { verdictNames, verdicts } from "../../scoring/verdicts.js";
import { signalCatalog } from "../../signals/catalog.js";
import { html } from "./escape.js";
import { renderPage } from "./layout.js";

/** Verdicts, signals and sources, rendered from their metadata tables (STYLE.md 3). */
/** `up`: the way from the report's pages to the index, "../" when they sit in a run folder. */
export function renderGlossary(
  result: JengaResult,
  rules = ruleTable(defaultPolicy),
  up = "",
): string {
  const verdictItems = verdictNames.map(
    (v) =>
      html`<dt id="verdict-${v}"><span class="badge v-${v}">${v}</span> ${verdicts[v].title}</dt><dd>${verdicts[v].meaning} <em>What to do:</em> ${verdicts[v].remediation}</dd>`,
  );
  const signalItems = Object.entries(signalCatalog).map(
    ([id, s]) =>
      html`<dt id="signal-${id}">${s.title} <small>(${id}, ${s.unit})</small></dt><dd>${s.description} <em>Why it matters:</em> ${s.why} <em>What to do:</em> ${s.remediation}</dd>`,
  );
  const ruleItems = rules.map(
    (r) =>
      html`<dt id="rule-${r.id}">${r.id} <small>(${r.feeds}${r.feeds === "health" || r.feeds === "note" ? "" : `, ${r.points === "varies" ? "points vary" : `${r.points} points`}`}${r.health > 0 ? `, health −${r.health}` : ""}${r.decisive ? ", decisive" : ""})</small></dt><dd>${r.doc}</dd>`,
  );
  const sourceItems = Object.entries(sources).map(
    ([id, s]) =>
      html`<dt id="source-${id}">${s.title}</dt><dd>${s.description} <em>Without it:</em> ${s.withoutIt}</dd>`,
  );
  const body = html`<h1>Glossary</h1>
<section aria-labelledby="g-verdicts"><h2 id="g-verdicts">Verdicts</h2><dl>${verdictItems}</dl></section>
<section aria-labelledby="g-rules"><h2 id="g-rules">Rules</h2><p>Each rule is one fact that feeds a verdict, costs health, or is a note about your upkeep. A decisive rule decides even when maintenance evidence is missing. <code>jenga rules</code> prints the same table; a config changes one by id under <code>rules</code>.</p><dl>${ruleItems}</dl></section>
<section aria-labelledby="g-signals"><h2 id="g-signals">Signals</h2><dl>${signalItems}</dl></section>
<section aria-labelledby="g-sources"><h2 id="g-sources">Data sources</h2><dl>${sourceItems}</dl></section>`;
  return renderPage({
    title: "jenga: glossary",
    root: "",
    home: up,
    result,
    body,
    chartJson: null,
  });
}
