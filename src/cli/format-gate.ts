import type { GateFailure } from "../gate/evaluate-gate.js";
import { replaceControlCharacters as clean } from "../util/control-characters.js";
import { maxOf } from "../util/extremes.js";

/** A short plain-text table of what failed and why; terminal-safe (no control characters from package data). */
export function formatGateTable(failures: GateFailure[], unchecked: string[] = []): string {
  const rows = failures.map((f) => [
    clean(f.name),
    f.verdict,
    f.health === null ? "unknown" : String(f.health),
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
  const notChecked = unchecked.map((l) => `${clean(l)}\n`).join("");
  if (failures.length === 0) return `jenga gate: failed: checks could not run\n${notChecked}`;
  return `jenga gate: ${failures.length} package${failures.length === 1 ? "" : "s"} failed\n${[header, ...rows].map(line).join("\n")}\n${notChecked}`;
}
