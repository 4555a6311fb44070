import { replaceControlCharacters as clean } from "../util/control-characters.js";
import type { ResultDiff } from "./diff-results.js";

const health = (h: number | null) => (h === null ? "unknown" : String(h));

/** The diff as plain text for a terminal: one section per kind of change, nothing when empty. */
export function formatDiffText(diff: ResultDiff): string {
  const lines: string[] = [];
  const section = (title: string, rows: string[]) => {
    if (rows.length === 0) return;
    lines.push(`${title} (${rows.length}):`);
    for (const row of rows) lines.push(`  ${clean(row)}`);
  };
  section(
    "verdict changed",
    diff.verdictChanged.map(
      (c) => `${c.name}: ${c.from} → ${c.to}${c.reason ? ` — ${c.reason}` : ""}`,
    ),
  );
  section(
    "new",
    diff.added.map((a) => `${a.name}: ${a.verdict}, health ${health(a.health)}`),
  );
  section(
    "removed",
    diff.removed.map((r) => `${r.name} (was ${r.verdict})`),
  );
  section(
    "health moved",
    diff.healthMoved.map((m) => `${m.name}: ${health(m.from)} → ${health(m.to)}`),
  );
  return lines.length > 0 ? `${lines.join("\n")}\n` : "no changes\n";
}

/** The diff as Markdown, for a pull-request comment; strangers' text cannot break the table. */
export function formatDiffMarkdown(diff: ResultDiff): string {
  const cell = (t: string) =>
    clean(t)
      .replace(/[\r\n]+/g, " ")
      .replace(/([\\|`*_[\]<>@#])/g, "\\$1");
  const lines = ["## jenga: what changed", ""];
  if (diff.verdictChanged.length > 0) {
    lines.push("| package | before | after | why |", "|---|---|---|---|");
    for (const c of diff.verdictChanged)
      lines.push(`| ${cell(c.name)} | ${c.from} | ${c.to} | ${cell(c.reason)} |`);
    lines.push("");
  }
  if (diff.added.length > 0)
    lines.push(`New: ${diff.added.map((a) => `${cell(a.name)} (${a.verdict})`).join(", ")}`, "");
  if (diff.removed.length > 0)
    lines.push(`Removed: ${diff.removed.map((r) => cell(r.name)).join(", ")}`, "");
  if (diff.healthMoved.length > 0)
    lines.push(
      `Health moved: ${diff.healthMoved.map((m) => `${cell(m.name)} ${health(m.from)} → ${health(m.to)}`).join(", ")}`,
      "",
    );
  if (lines.length === 2) lines.push("No changes.", "");
  return lines.join("\n");
}
