import type { PackageResult } from "../result/types.js";
import { actions, verdicts } from "../scoring/verdicts.js";
import type { SignalResult } from "../signals/define-signal.js";
import { replaceControlCharacters as clean } from "../util/control-characters.js";
import { maxOf } from "../util/extremes.js";

/**
 * Everything the result says about one package, as plain text for a terminal.
 * Every string from package data goes through `clean`: no escapes, no line tricks.
 */
export function formatExplain(p: PackageResult): string {
  const verdict = verdicts[p.verdict];
  const lines = [
    `${clean(p.name)} ${clean(p.versions.join(", "))}`,
    field("verdict", `${p.verdict} — ${verdict.meaning}`),
    field("to do", verdict.remediation),
    field("health", p.health === null ? "unknown (no maintenance evidence)" : `${p.health}/100`),
    field("confidence", p.confidence.toFixed(2)),
    field("scores", actions.map((a) => `${a} ${p.scores[a]}`).join(" · ")),
    field("reached", reached(p)),
    field("scopes", p.scopes.join(", ") || "none"),
    field("dependents", String(p.dependents)),
    field("projects", clean(p.projects.join(", "))),
    field(
      "repository",
      p.repository
        ? clean(
            `${p.repository.url}${p.repository.directory ? ` (${p.repository.directory})` : ""}`,
          )
        : "unknown",
    ),
  ];
  if (p.waiver)
    lines.push(
      field(
        "waiver",
        clean(`${p.waiver.reason} (until ${p.waiver.until}${p.waiver.expired ? ", expired" : ""})`),
      ),
    );
  lines.push("", "reasons:");
  for (const r of p.reasons) {
    const weight = r.action ? `${r.action} +${r.points}` : "context";
    lines.push(`  - [${weight}] ${clean(r.text)} (${clean(r.signal)})`);
  }
  lines.push("", "signals:");
  const signals = Object.entries(p.signals).sort(([a], [b]) => a.localeCompare(b));
  if (signals.length === 0) lines.push("  none");
  const width = Math.max(0, maxOf(signals.map(([id]) => clean(id).length)));
  for (const [id, s] of signals) lines.push(`  ${clean(id).padEnd(width)}  ${signal(s)}`);
  lines.push("", "sources:");
  const sources = Object.entries(p.sources);
  const sourceWidth = Math.max(0, maxOf(sources.map(([name]) => name.length)));
  for (const [name, status] of sources)
    lines.push(`  ${name.padEnd(sourceWidth)}  ${clean(String(status))}`);
  return `${lines.join("\n")}\n`;
}

function field(label: string, value: string): string {
  return `${`${label}:`.padEnd(12)}${value}`;
}

function reached(p: PackageResult): string {
  const how = p.direct ? "direct dependency" : `via ${p.via.join(", ")}`;
  return clean(p.path.length > 0 ? `${how}; path ${p.path.join(" > ")}` : how);
}

function signal(s: SignalResult): string {
  const value = s.value === null ? "unknown" : clean(valueText(s.value));
  const note = s.note ? ` — ${clean(s.note)}` : "";
  return `${value} [${s.unit}, ${s.trusted ? "trusted" : "untrusted"}]${note}`;
}

/** A list reads as its items; a series (the report charts it) as its length and span. */
function valueText(value: NonNullable<SignalResult["value"]>): string {
  if (!Array.isArray(value)) return String(value);
  if (value.length === 0) return "[]";
  if (value.every((v) => typeof v === "string")) return value.join(", ");
  const points = value as unknown as readonly Record<string, string | number>[];
  const first = points[0]?.month ?? points[0]?.date;
  const last = points[points.length - 1]?.month ?? points[points.length - 1]?.date;
  return `${points.length} points${first && last ? ` from ${first} to ${last}` : ""}`;
}
