import type { GateFailure } from "../gate/evaluate-gate.js";
import { replaceControlCharacters as clean } from "../util/control-characters.js";
import { maxOf } from "../util/extremes.js";

/** A short plain-text table of what failed and why; terminal-safe (no control characters from package data). */
export function formatGateTable(failures: GateFailure[]): string {
  const rows = failures.map((f) => [
    clean(f.name),
    f.verdict,
    String(f.health),
    clean(f.via.length > 0 && f.via[0] !== f.name ? `via ${f.via.join(", ")}` : "direct"),
    clean(`${f.rule}: ${f.reason}`),
  ]);
  const header = ["package", "verdict", "health", "reached", "why"];
  const widths = header.map((h, i) =>
    Math.min(40, Math.max(h.length, maxOf(rows.map((r) => (r[i] ?? "").length)))),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return `jenga gate: ${failures.length} package${failures.length === 1 ? "" : "s"} failed\n${[header, ...rows].map(line).join("\n")}\n`;
}
