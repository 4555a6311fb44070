import { sourceNames } from "../collectors/sources.js";
import type { JengaResult } from "../result/types.js";

const columns = [
  "name",
  "versions",
  "verdict",
  "health",
  "confidence",
  "direct",
  "via",
  "top reason",
  ...sourceNames.map((s) => `source ${s}`),
] as const;

/**
 * Pure: one row per package, for spreadsheets. RFC 4180 quoting; a cell that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR at its start) is
 * prefixed with an apostrophe (OWASP's CSV injection advice): names and
 * reasons are strangers' text.
 */
export function renderCsv(result: JengaResult): string {
  const rows = result.packages.map((p) => [
    p.name,
    p.versions.join(" "),
    p.verdict,
    p.health === null ? "" : String(p.health),
    String(p.confidence),
    String(p.direct),
    p.via.join(" "),
    p.reasons[0]?.text ?? "",
    ...sourceNames.map((s) => p.sources[s]),
  ]);
  return `${[[...columns], ...rows].map((row) => row.map(cell).join(",")).join("\r\n")}\r\n`;
}

function cell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
