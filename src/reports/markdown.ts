import type { JengaResult } from "../result/types.js";
import { verdictNames } from "../scoring/verdicts.js";

/** Most pull-request comment and step-summary readers stop after a screen; list the worst first. */
const maxRows = 30;

/**
 * Longest text in one cell. A pull-request comment holds 65,536 characters; 30 rows
 * of at most ~2 cells this long, plus names (≤ 214), stay well under it even when a
 * stranger's deprecation message runs to pages.
 */
const maxCell = 300;

/** Text from dependencies goes into table cells: no pipes, no newlines, no markup, bounded. */
function cell(text: string): string {
  const flat = text.replace(/[\r\n]+/g, " ");
  const short = flat.length > maxCell ? `${flat.slice(0, maxCell - 1)}…` : flat;
  return short.replace(/([\\|`*_[\]<>])/g, "\\$1");
}

export function renderMarkdown(result: JengaResult): string {
  const counts = verdictNames.map((v) => `${v} ${result.summary[v]}`).join(" · ");
  const actionable = result.packages
    .filter((p) => p.verdict !== "keep" && p.verdict !== "unknown")
    .sort((a, b) => (a.health ?? 101) - (b.health ?? 101));
  const unknown = result.packages.filter((p) => p.verdict === "unknown");
  const lines = [
    `## jenga: ${result.packages.length} packages`,
    "",
    counts,
    "",
    ...result.notes.map((n) => `> ${cell(n)}`),
    "",
  ];
  if (unknown.length > 0) lines.push(unknownLine(unknown), "");
  if (actionable.length === 0) return [...lines, "Nothing to act on.", ""].join("\n");
  lines.push("| package | verdict | health | reached | why |", "|---|---|---|---|---|");
  for (const p of actionable.slice(0, maxRows)) {
    const reached = p.direct ? "direct" : `via ${p.via.join(", ")}`;
    lines.push(
      `| ${cell(p.name)} | ${p.verdict} | ${p.health ?? "unknown"} | ${cell(reached)} | ${cell(p.reasons[0]?.text ?? "")} |`,
    );
  }
  if (actionable.length > maxRows)
    lines.push("", `…and ${actionable.length - maxRows} more in the full report.`);
  lines.push(...funderLines(result));
  return `${lines.join("\n")}\n`;
}

/** Unknown is its own state: counted, with the direct dependencies named, apart from the actions. */
function unknownLine(unknown: JengaResult["packages"]): string {
  const direct = unknown.filter((p) => p.direct).map((p) => p.name);
  const shown = direct.slice(0, maxRows).map(cell).join(", ");
  const more = direct.length > maxRows ? `, and ${direct.length - maxRows} more` : "";
  return `**${unknown.length} unknown** (not enough evidence to decide)${direct.length > 0 ? `; direct dependencies: ${shown}${more}` : ""}.`;
}

/** How many funding targets the summary names. */
const maxFunders = 10;

/** The funders' ranking: adopt candidates, then fixes upstream needs help with. */
function funderLines(result: JengaResult): string[] {
  const funders = (result.funders ?? []).slice(0, maxFunders);
  if (funders.length === 0) return [];
  return [
    "",
    "### For funders",
    "",
    "| # | package | verdict | impact | health | why |",
    "|---|---|---|---|---|---|",
    ...funders.map(
      (f, i) =>
        `| ${i + 1} | ${cell(f.name)} | ${f.verdict} | ${f.impact} | ${f.health ?? "unknown"} | ${cell(f.why)} |`,
    ),
  ];
}
