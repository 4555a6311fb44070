import type { PackageResult } from "../../result/types.js";
import type { SignalResult } from "../../signals/define-signal.js";
import { html, type SafeHtml } from "./escape.js";
import { absent, percent } from "./format.js";

/**
 * The package page's usage section: how the project's own code uses the
 * package, read from its usage signals only (the JSON result is the report's
 * one input). File names and symbols come from the project and its
 * dependencies' type names alike, so each goes through `html` as text.
 */

/** Enough to see the pattern; the JSON result holds the rest. */
const maxSites = 10;
const maxSymbols = 40;

export const usageSignalIds = [
  "usageClass",
  "usedFraction",
  "usedExportsFraction",
  "usedSymbols",
  "importSites",
  "importSiteList",
  "replacement",
] as const;

interface Site {
  where: string;
  symbols: string;
}

export function usageSection(p: PackageResult): SafeHtml | "" {
  const s = p.signals;
  const replacements = strings(s.replacement?.value);
  // Without usage evidence (its signals are left out of the result) there is nothing to say
  // here but a replacement, if the package has one; the data-sources section says why.
  const measured = usageSignalIds.some((id) => id !== "replacement" && Object.hasOwn(s, id));
  if (!measured && !(replacements && replacements.length > 0)) return "";
  const usage = s.usageClass;
  const cls = typeof usage?.value === "string" ? usage.value : null;
  const detail = usage?.detail ?? {};
  const symbols = strings(s.usedSymbols?.value);
  const blindSpot = typeof detail.blindSpot === "string" ? detail.blindSpot : null;
  return html`<section aria-labelledby="usage-h" class="usage"><h2 id="usage-h">Usage in your code</h2>
<dl class="facts">
<dt>Class</dt><dd>${cls ? html`<strong class="usage-class">${cls}</strong>` : "unknown"}${usage?.trusted === false && usage.note ? html` <small>(${usage.note})</small>` : ""}</dd>
${typeof detail.roles === "string" && detail.roles !== "" ? html`<dt>Roles</dt><dd>${detail.roles}</dd>` : ""}
${typeof detail.declaredAs === "string" ? html`<dt>Declared as</dt><dd>${detail.declaredAs || "not declared"}</dd>` : ""}
${fractionRow("Used code", s.usedFraction)}
${fractionRow("Used exports", s.usedExportsFraction)}
<dt>What you import</dt><dd>${symbolList(symbols, s.usedSymbols)}</dd>
<dt>Where</dt><dd>${siteList(p)}</dd>
${blindSpot ? html`<dt>Blind spot</dt><dd>${blindSpot}</dd>` : ""}
${replacements && replacements.length > 0 ? html`<dt>Replacement</dt><dd class="replacement">${replacementText(replacements, s.replacement)}</dd>` : ""}
</dl></section>`;
}

/** A share of the package the project uses; left out when not measured (another engineer's signals may be absent). */
function fractionRow(title: string, signal: SignalResult | undefined): SafeHtml | "" {
  const value = signal?.value;
  if (typeof value !== "number" || !Number.isFinite(value)) return "";
  return html`<dt>${title}</dt><dd>${percent(value)}${signal?.note ? html` <small>(${signal.note})</small>` : ""}</dd>`;
}

function strings(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((v) => typeof v === "string") ? value : null;
}

function more(total: number, shown: number): SafeHtml | "" {
  return total > shown ? html` <span class="more">and ${total - shown} more</span>` : "";
}

function symbolList(symbols: string[] | null, signal: SignalResult | undefined): SafeHtml | string {
  if (symbols === null) return signal?.note ?? absent;
  if (symbols.length === 0) return "no named symbol";
  const shown = symbols.slice(0, maxSymbols);
  return html`<ul class="symbols">${shown.map((name) => html`<li><code>${name}</code></li>`)}</ul>${more(symbols.length, shown.length)}${signal?.note ? html` <small>(${signal.note})</small>` : ""}`;
}

/**
 * The import sites as a list when a signal carries them (`importSiteList`, or
 * `importSites` as a list), else the first site and the count: the usage
 * signals of this version keep only those.
 */
function siteList(p: PackageResult): SafeHtml | string {
  const list = sitesOf(p.signals.importSiteList?.value) ?? sitesOf(p.signals.importSites?.value);
  const countValue = p.signals.importSites?.value;
  const count = typeof countValue === "number" && Number.isFinite(countValue) ? countValue : null;
  const files = p.signals.importSites?.detail?.files;
  const total = Math.max(list?.length ?? 0, count ?? 0);
  const summary =
    count !== null
      ? html`<p>${count} import site${count === 1 ? "" : "s"}${typeof files === "number" ? ` in ${files} file${files === 1 ? "" : "s"}` : ""}</p>`
      : "";
  if (list && list.length > 0) {
    const shown = list.slice(0, maxSites);
    return html`${summary}<ul class="sites">${shown.map((site) => html`<li><code>${site.where}</code>${site.symbols ? html` → ${site.symbols}` : ""}</li>`)}</ul>${more(total, shown.length)}`;
  }
  const first = p.signals.usageClass?.detail?.firstSite;
  if (typeof first === "string")
    return html`${summary}<ul class="sites"><li><code>${first}</code></li></ul>${more(total, 1)}`;
  return count === 0 ? "no import" : count !== null ? summary : absent;
}

function sitesOf(value: unknown): Site[] | null {
  if (!Array.isArray(value)) return null;
  const sites = value.flatMap((item): Site[] => {
    if (typeof item === "string") return [{ where: item, symbols: "" }];
    if (typeof item !== "object" || item === null) return [];
    const o = item as Record<string, unknown>;
    if (typeof o.file !== "string") return [];
    const line = typeof o.line === "number" || typeof o.line === "string" ? `:${o.line}` : "";
    const symbols = Array.isArray(o.symbols)
      ? o.symbols.filter((x) => typeof x === "string").join(", ")
      : typeof o.symbols === "string"
        ? o.symbols
        : "";
    return [{ where: `${o.file}${line}`, symbols }];
  });
  return sites;
}

function replacementText(replacements: string[], signal: SignalResult | undefined): SafeHtml {
  const kind = signal?.detail?.kind;
  return html`${replacements.map((r, i) => html`${i > 0 ? ", " : ""}<code>${r}</code>`)}${typeof kind === "string" ? html` <small>(${kind})</small>` : ""}`;
}
