/**
 * The report's stylesheet and script, shipped as files beside index.html so
 * the Content-Security-Policy can forbid every inline style and script.
 */

export const reportCss = `
:root { color-scheme: light dark; --fg: #1b1f24; --bg: #fff; --muted: #57606a; --line: #d0d7de;
  --keep: #1a7f37; --fix: #9a6700; --adopt: #8250df; --rewrite: #0969da; --sunset: #cf222e; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --line: #30363d;
  --keep: #3fb950; --fix: #d29922; --adopt: #a371f7; --rewrite: #58a6ff; --sunset: #f85149; } }
body { font: 14px/1.45 system-ui, sans-serif; color: var(--fg); background: var(--bg); margin: 0 auto; padding: 1rem 2rem; max-width: 1400px; }
h1 { font-size: 1.6rem; margin: 0; } h2 { font-size: 1.2rem; margin-top: 2rem; }
.muted, small { color: var(--muted); }
.cards { display: flex; gap: 1rem; list-style: none; padding: 0; flex-wrap: wrap; }
.card { border: 1px solid var(--line); border-left: 6px solid; border-radius: 6px; padding: .6rem 1rem; min-width: 10rem; display: grid; }
.card .count { font-size: 1.8rem; font-weight: 700; }
.v-keep { border-color: var(--keep); } .v-fix { border-color: var(--fix); } .v-adopt { border-color: var(--adopt); }
.v-rewrite { border-color: var(--rewrite); } .v-sunset { border-color: var(--sunset); }
.badge { display: inline-block; padding: 0 .5rem; border-radius: 1rem; border: 1px solid; font-weight: 600; }
.badge.v-keep { color: var(--keep); } .badge.v-fix { color: var(--fix); } .badge.v-adopt { color: var(--adopt); }
.badge.v-rewrite { color: var(--rewrite); } .badge.v-sunset { color: var(--sunset); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
thead th button { font: inherit; font-weight: 700; background: none; border: 0; color: inherit; cursor: pointer; padding: 0; }
thead th button:focus-visible { outline: 2px solid var(--rewrite); }
td ul, .notes { margin: 0; padding-left: 1rem; }
.score { display: inline-block; margin-right: .5rem; white-space: nowrap; color: var(--muted); }
input[type=search] { font: inherit; padding: .25rem .5rem; min-width: 20rem; }
dt { font-weight: 600; margin-top: .5rem; }
@media print { input, thead th button { display: none; } body { padding: 0; } tr { break-inside: avoid; } }
`;

export const reportJs = `
"use strict";
(() => {
  const table = document.getElementById("packages");
  if (!table) return;
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const filter = document.getElementById("filter");
  filter.addEventListener("input", () => {
    const q = filter.value.trim().toLowerCase();
    for (const row of rows) row.hidden = q !== "" && !row.textContent.toLowerCase().includes(q);
  });
  table.querySelectorAll("thead button").forEach((button) => {
    button.addEventListener("click", () => {
      const th = button.closest("th");
      const index = Array.from(th.parentElement.children).indexOf(th);
      const ascending = th.getAttribute("aria-sort") !== "ascending";
      table.querySelectorAll("thead th").forEach((h) => h.hasAttribute("aria-sort") && h.setAttribute("aria-sort", "none"));
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const numeric = button.dataset.sort === "number";
      const key = (row) => {
        const cell = row.cells[index];
        const value = cell.dataset.value ?? cell.textContent.trim();
        return numeric ? Number(value) : value.toLowerCase();
      };
      const sorted = rows.slice().sort((a, b) => {
        const x = key(a), y = key(b);
        return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
      });
      body.append(...sorted);
    });
  });
})();
`;
