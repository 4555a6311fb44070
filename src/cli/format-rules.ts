import type { RuleRow } from "../scoring/rule-table.js";

/** The rule table as plain text: one line per rule, then its doc indented below. */
export function formatRules(rows: RuleRow[]): string {
  const lines = rows.map((r) => {
    const points = r.feeds === "health" || r.feeds === "note" ? "" : ` ${signed(r.points)}`;
    const health = r.health > 0 ? `, health -${r.health}` : "";
    const flags = [r.decisive ? "decisive" : "", r.enabled ? "" : "off"].filter(Boolean).join(", ");
    const head = `${r.id}  ${r.feeds}${points}${health}${flags ? ` (${flags})` : ""}`;
    const needs = r.needs.length > 0 ? ` Needs: ${r.needs.join(", ")}.` : "";
    return `${head}\n    ${r.doc}${needs}`;
  });
  return `${lines.join("\n")}\n`;
}

function signed(points: number | "varies"): string {
  if (points === "varies") return "(points vary)";
  return points >= 0 ? `+${points}` : String(points);
}
