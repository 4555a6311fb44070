/**
 * The report's stylesheet, shipped as a file beside the pages so the
 * Content-Security-Policy can forbid every inline style. Colours meet WCAG AA
 * contrast on their background in both themes.
 */
const light = `--fg: #1b1f24; --bg: #fff; --bg2: #f6f8fa; --muted: #57606a; --line: #d0d7de;
  --keep: #1a7f37; --fix: #9a6700; --adopt: #8250df; --rewrite: #0969da; --sunset: #cf222e; --unknown: #6e7781;`;
const dark = `--fg: #e6edf3; --bg: #0d1117; --bg2: #161b22; --muted: #9198a1; --line: #30363d;
  --keep: #3fb950; --fix: #d29922; --adopt: #a371f7; --rewrite: #58a6ff; --sunset: #f85149; --unknown: #8b949e;`;

export const reportCss = `
:root { color-scheme: light; ${light} }
@media (prefers-color-scheme: dark) { :root:not([data-theme=light]) { color-scheme: dark; ${dark} } }
:root[data-theme=dark] { color-scheme: dark; ${dark} }
body { font: 14px/1.45 system-ui, sans-serif; color: var(--fg); background: var(--bg); margin: 0 auto; padding: 0 2rem 2rem; max-width: 1500px; }
a { color: var(--rewrite); }
.skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: .5rem; background: var(--bg); padding: .25rem .5rem; }
.top { display: flex; justify-content: space-between; align-items: center; padding: .5rem 0; border-bottom: 1px solid var(--line); }
.top nav a { margin-right: 1rem; font-weight: 600; }
button, input, select { font: inherit; color: inherit; }
.theme { background: var(--bg2); border: 1px solid var(--line); border-radius: 6px; padding: .2rem .6rem; cursor: pointer; }
h1 { font-size: 1.6rem; margin: 1rem 0 0; } h2 { font-size: 1.25rem; margin-top: 2rem; } h3 { font-size: 1rem; }
h1 small { font-size: 1rem; }
.muted, small, footer { color: var(--muted); }
footer { margin-top: 3rem; border-top: 1px solid var(--line); padding-top: .5rem; }
.cards { display: flex; gap: 1rem; list-style: none; padding: 0; flex-wrap: wrap; }
.card { border: 1px solid var(--line); border-left: 6px solid var(--line); border-radius: 6px; padding: .6rem 1rem; min-width: 9rem; display: grid; }
.card .count { font-size: 1.8rem; font-weight: 700; }
.v-keep { border-color: var(--keep); } .v-fix { border-color: var(--fix); } .v-adopt { border-color: var(--adopt); }
.v-rewrite { border-color: var(--rewrite); } .v-sunset { border-color: var(--sunset); } .v-unknown { border-color: var(--unknown); border-style: dashed; }
.h-0 { border-left-color: var(--sunset); } .h-1 { border-left-color: var(--fix); } .h-2 { border-left-color: var(--adopt); }
.h-3 { border-left-color: var(--rewrite); } .h-4 { border-left-color: var(--keep); } .h-5 { border-left-color: var(--unknown); }
.badge { display: inline-block; padding: 0 .5rem; border-radius: 1rem; border: 1px solid; font-weight: 600; }
.badge.big { font-size: 1.2rem; padding: .1rem .8rem; }
.badge.v-keep { color: var(--keep); } .badge.v-fix { color: var(--fix); } .badge.v-adopt { color: var(--adopt); }
.badge.v-rewrite { color: var(--rewrite); } .badge.v-sunset { color: var(--sunset); } .badge.v-unknown { color: var(--unknown); }
.act li { margin-bottom: .5rem; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; color: var(--muted); padding: .25rem 0; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
table.compact { width: auto; }
#packages { table-layout: fixed; }
#packages th, #packages td { box-sizing: border-box; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; overflow-wrap: normal; }
#packages .c-name { width: 15rem; } #packages .c-verdict { width: 6.5rem; } #packages .c-health { width: 5rem; }
#packages .c-conf { width: 7.5rem; } #packages .c-impact { width: 5rem; } #packages .c-reach { width: 9rem; }
#packages .c-projects { width: 5.5rem; } #packages .c-sources { width: 5.5rem; }
#packages.portfolio .c-name { width: 13rem; }
.search { white-space: nowrap; }
.pager { display: flex; gap: 1rem; align-items: center; margin: .5rem 0; }
.pager button { background: var(--bg2); border: 1px solid var(--line); border-radius: 6px; padding: .2rem .8rem; cursor: pointer; }
.pager button:disabled { cursor: default; opacity: .5; }
.controls select { background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: .15rem .3rem; }
.gaps.open { border-left: 4px solid var(--fix); padding-left: .75rem; }
.gaps h2 { margin-top: 1rem; } .gaps ul { margin: .25rem 0; padding-left: 1rem; }
thead th { position: sticky; top: 0; background: var(--bg); white-space: nowrap; }
thead th button { font-weight: 700; background: none; border: 0; cursor: pointer; padding: 0; }
thead th[aria-sort=ascending] button::after { content: " ▲"; }
thead th[aria-sort=descending] button::after { content: " ▼"; }
:focus-visible { outline: 2px solid var(--rewrite); outline-offset: 2px; }
a.gl { text-decoration: none; font-size: .8em; }
td ul, .notes, .reasons { margin: 0; padding-left: 1rem; }
.controls { display: flex; gap: 1.5rem; align-items: center; flex-wrap: wrap; }
fieldset { border: 1px solid var(--line); border-radius: 6px; display: flex; gap: .75rem; flex-wrap: wrap; }
.chip { white-space: nowrap; }
input[type=search] { padding: .25rem .5rem; min-width: 14rem; background: var(--bg); border: 1px solid var(--line); border-radius: 6px; }
.charts { display: grid; grid-template-columns: 2fr 1fr; gap: 1rem; }
.charts h2 { grid-column: 1 / -1; }
figure { margin: 0; }
.chart { position: relative; height: 320px; }
.chart-wide { height: 420px; }
.history { grid-template-columns: 1fr; }
.chart-short { height: 200px; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
.facts dt { font-weight: 600; } .facts dd { margin: 0; overflow-wrap: anywhere; }
dt { font-weight: 600; margin-top: .5rem; } dd { overflow-wrap: anywhere; }
td.missing { color: var(--muted); }
td.unit { white-space: nowrap; }
.waiver { border-left: 4px solid var(--fix); padding-left: .5rem; }
h1, th, td, li { overflow-wrap: anywhere; }
.badge, .chip, .count { white-space: nowrap; }
@media (max-width: 900px) { .charts { grid-template-columns: 1fr; } body { padding: 0 .75rem; } }
@media print {
  .controls, .theme, .skip, thead th button::after, a.gl { display: none; }
  body { padding: 0; max-width: none; font-size: 11px; }
  tr { break-inside: avoid; }
  #packages tbody tr[hidden] { display: table-row; }
  #packages th, #packages td { white-space: normal; }
  thead th { position: static; }
  a { color: inherit; text-decoration: none; }
  .chart { height: 260px; } .chart-short { height: 160px; } section { break-inside: avoid-page; }
}
`;
