import type { JengaResult } from "../result/types.js";
import { verdictNames } from "../scoring/verdicts.js";
import { replaceControlCharacters } from "../util/control-characters.js";
import { sourceGaps } from "./source-gaps.js";

/** Most pull-request comment and step-summary readers stop after a screen; list the worst first. */
const maxRows = 30;

/**
 * Longest text in one cell. A pull-request comment holds 65,536 characters; 30 rows
 * of at most ~2 cells this long, plus names (≤ 214), stay well under it even when a
 * stranger's deprecation message runs to pages.
 */
const maxCell = 300;

/**
 * Text from dependencies goes into table cells: no pipes, no newlines, no
 * control characters, no markup, bounded, and nothing that acts on GitHub.
 */
function cell(text: string): string {
  const flat = replaceControlCharacters(text.replace(/[\r\n]+/g, " "));
  const short = flat.length > maxCell ? `${flat.slice(0, maxCell - 1)}…` : flat;
  // `&` too: a stranger's `&#64;name` would decode to a mention.
  const rendered = neutralise(short.replace(/([\\|`*_[\]<>&])/g, "\\$1"));
  if (rendered.length <= maxRenderedCell) return rendered;
  // Cut without leaving half an escape or half an entity behind.
  return `${rendered.slice(0, maxRenderedCell - 1).replace(/(\\|&#?\w*)$/, "")}…`;
}

/** Escapes and neutralised triggers lengthen a cell; this keeps the comment-size bound above. */
const maxRenderedCell = 2 * maxCell;

/** A zero-width space, as an entity: invisible, and it breaks what GitHub would act on. */
const zeroWidth = "&#8203;";

/**
 * In a pull-request comment, `@name` notifies a person or a team, `#123` and
 * `GH-123` link (and cross-reference) an issue, and a bare URL becomes a link.
 * A zero-width space after the trigger keeps the text as it reads and stops all
 * three (the way Renovate neutralises mentions in its pull requests).
 */
function neutralise(text: string): string {
  // One pass: the entity's own `#` must not be taken for a reference.
  return text.replace(actionTriggers, (trigger) => `${trigger}${zeroWidth}`);
}

/** `@name`; `#123`; `GH-123`; a scheme before `//`; `www` before a dot. */
const actionTriggers =
  /@(?=[\p{L}\p{N}_-])|#(?=\d)|\bGH-(?=\d)|\b[a-z][a-z0-9+.-]*:(?=\/\/)|\bwww(?=\.)/giu;

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
    ...sourceGaps(result).map((g) => `> **not every source answered**: ${cell(g)}`),
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
  for (const line of funderLines(result)) lines.push(line);
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
