/**
 * report.js: the theme toggle, the table's sorting and filtering, and the
 * charts. Plain ES2020 for any current browser; shipped as a file because the
 * Content-Security-Policy forbids inline script. Rows are rendered by the
 * server, so the script only toggles `hidden`, reorders and pages: no jank at 5,000.
 */
export const reportJs = `"use strict";
(() => {
  const root = document.documentElement;
  const charts = [];

  // Theme: auto follows prefers-color-scheme; the choice survives reloads when storage works.
  const themes = ["auto", "light", "dark"];
  const load = () => { try { return localStorage.getItem("jenga-theme") || "auto"; } catch { return "auto"; } };
  const applyTheme = (theme) => {
    if (theme === "auto") delete root.dataset.theme; else root.dataset.theme = theme;
    const button = document.getElementById("theme");
    if (button) {
      button.textContent = "Theme: " + theme;
      button.setAttribute("aria-label", "Colour theme: " + theme + " (change)");
    }
  };
  applyTheme(load());
  document.getElementById("theme")?.addEventListener("click", () => {
    const next = themes[(themes.indexOf(load()) + 1) % themes.length];
    try { localStorage.setItem("jenga-theme", next); } catch { /* file:// without storage */ }
    applyTheme(next);
    drawCharts();
  });
  matchMedia("(prefers-color-scheme: dark)").addEventListener?.("change", drawCharts);

  // Table: filters (verdict, reach, project, sources, text), sorting by any column, and pages.
  // Rows are rendered by the server; the script only toggles \`hidden\` and reorders, one page
  // shown at a time, so 5,000 packages stay one screen of rows.
  const table = document.getElementById("packages");
  if (table) {
    const body = table.tBodies[0];
    let rows = Array.from(body.rows);
    const size = Number(table.dataset.pageSize) || 50;
    const byId = (id) => document.getElementById(id);
    const filter = byId("filter");
    const reach = byId("filter-reach");
    const project = byId("filter-project");
    const source = byId("filter-source");
    const boxes = Array.from(document.querySelectorAll('input[name="verdict"]'));
    const shown = byId("shown");
    const prev = byId("page-prev");
    const next = byId("page-next");
    // Search text: what the row shows, and the full via list and reason its titles hold.
    let texts = null;
    const textOf = (row) => {
      if (texts === null) {
        texts = new Map(rows.map((r) => [r, (r.textContent + " " + Array.from(r.querySelectorAll("[title]"), (e) => e.title).join(" ")).toLowerCase()]));
      }
      return texts.get(row);
    };
    let matches = rows;
    let page = 0;
    const words = (value) => (value ? value.split(" ") : []);
    const matching = () => {
      const q = filter ? filter.value.trim().toLowerCase() : "";
      const allowed = new Set(boxes.filter((b) => b.checked).map((b) => b.value));
      const r = reach ? reach.value : "";
      const pj = project ? project.value : "";
      const src = source ? source.value : "";
      return rows.filter((row) => {
        const d = row.dataset;
        if (!allowed.has(d.verdict)) return false;
        if (r !== "" && d.reach !== r) return false;
        if (pj !== "" && !words(d.projects).includes(pj)) return false;
        if (src === "complete" && d.missing !== "") return false;
        if (src !== "" && src !== "complete" && !words(d.missing).includes(src)) return false;
        return q === "" || textOf(row).includes(q);
      });
    };
    const render = () => {
      const pages = Math.max(1, Math.ceil(matches.length / size));
      page = Math.min(Math.max(0, page), pages - 1);
      const start = page * size;
      const visible = new Set(matches.slice(start, start + size));
      rows.forEach((row) => {
        const hide = !visible.has(row);
        if (row.hidden !== hide) row.hidden = hide;
      });
      if (shown) {
        shown.textContent = matches.length === 0
          ? "No package matches (" + rows.length + " in all)"
          : "Showing " + (start + 1) + "–" + Math.min(start + size, matches.length) + " of " + matches.length +
            " packages" + (matches.length < rows.length ? " (" + rows.length + " in all)" : "") +
            " · page " + (page + 1) + " of " + pages;
      }
      if (prev) prev.disabled = page === 0;
      if (next) next.disabled = page >= pages - 1;
    };
    const refilter = () => { matches = matching(); page = 0; render(); };
    filter?.addEventListener("input", refilter);
    [reach, project, source].forEach((select) => select?.addEventListener("change", refilter));
    boxes.forEach((b) => b.addEventListener("change", refilter));
    prev?.addEventListener("click", () => { page--; render(); });
    next?.addEventListener("click", () => { page++; render(); });
    refilter();

    const headers = Array.from(table.tHead.rows[0].cells);
    table.querySelectorAll("thead button[data-sort]").forEach((button) => {
      button.addEventListener("click", () => {
        const th = button.closest("th");
        const index = headers.indexOf(th);
        const ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach((h) => h.hasAttribute("aria-sort") && h.setAttribute("aria-sort", "none"));
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        const numeric = button.dataset.sort === "number";
        const keys = new Map(rows.map((row) => {
          const cell = row.cells[index];
          const value = cell.dataset.value ?? cell.textContent.trim();
          // Absent values (unknown health, "—") sort last in both directions.
          return [row, numeric ? (value === "" ? null : Number(value)) : value.toLowerCase()];
        }));
        const sign = ascending ? 1 : -1;
        rows = rows.slice().sort((a, b) => {
          const x = keys.get(a), y = keys.get(b);
          if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
          return (x < y ? -1 : x > y ? 1 : 0) * sign;
        });
        const fragment = document.createDocumentFragment();
        rows.forEach((row) => fragment.append(row));
        body.append(fragment);
        const kept = new Set(matches);
        matches = rows.filter((row) => kept.has(row));
        page = 0;
        render();
      });
    });
  }

  // Charts: data from the JSON block (never executed, so the policy allows it).
  const dataBlock = document.getElementById("chart-data");
  const data = dataBlock ? JSON.parse(dataBlock.textContent) : null;
  const verdictOrder = ["keep", "fix", "adopt", "rewrite", "sunset", "unknown"];
  const axisWidth = 56;

  function drawCharts() {
    if (!data || typeof Chart === "undefined") return;
    charts.splice(0).forEach((chart) => chart.destroy());
    const style = getComputedStyle(root);
    const color = (name) => style.getPropertyValue("--" + name).trim();
    Chart.defaults.color = color("muted");
    Chart.defaults.borderColor = color("line");
    const base = { animation: false, responsive: true, maintainAspectRatio: false };
    const quadrant = document.getElementById("chart-quadrant");
    if (quadrant && data.quadrant) {
      const datasets = verdictOrder.map((v) => ({
        label: v,
        data: data.quadrant.filter((p) => p.verdict === v),
        backgroundColor: color(v) + "99",
        borderColor: color(v),
      })).filter((d) => d.data.length > 0);
      charts.push(new Chart(quadrant, {
        type: "bubble",
        data: { datasets },
        options: { ...base,
          scales: {
            x: { min: 0, max: 100, title: { display: true, text: "health" } },
            y: { type: "logarithmic", title: { display: true, text: "impact" } },
          },
          plugins: { tooltip: { callbacks: { label: (c) => c.raw.name + " · health " + c.raw.x + " · impact " + c.raw.y } } },
          onClick: (_event, elements, chart) => {
            const hit = elements[0];
            if (hit) location.href = chart.data.datasets[hit.datasetIndex].data[hit.index].href;
          },
        },
      }));
    }
    const health = document.getElementById("chart-health");
    if (health && data.health) {
      charts.push(new Chart(health, {
        type: "bar",
        data: { labels: data.health.labels, datasets: [{ label: "packages", data: data.health.values, backgroundColor: color("rewrite") }] },
        options: { ...base, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
      }));
    }
    (data.series || []).forEach((series, i) => {
      const canvas = document.getElementById("chart-series-" + i);
      if (!canvas || !Array.isArray(series.datasets)) return;
      // Counts as bars on the left axis; a second measure (people active) as a line on the right.
      const datasets = series.datasets.map((d) => ({
        type: d.type, label: d.label, data: d.values, yAxisID: d.axis, order: d.type === "line" ? 0 : 1,
        borderColor: color(d.color), backgroundColor: color(d.color) + (d.type === "bar" ? "cc" : "33"),
        borderWidth: d.type === "line" ? 2 : 0, cubicInterpolationMode: "monotone",
        // A line with gaps (months with nothing closed) shows its points, which may stand alone.
        pointRadius: d.type === "line" && d.values.some((v) => v === null) ? 3 : 0, spanGaps: true,
        minBarLength: d.minBar ? 3 : 0, stack: d.type === "bar" ? "bars" : undefined,
      }));
      // Fixed axis widths, and room on the right where there is no second axis, so the charts
      // of one page share their months column for column.
      const axis = (id) => {
        const labels = series.datasets.filter((d) => d.axis === id).map((d) => d.label).join(", ");
        return { beginAtZero: true, ticks: { precision: 0 }, title: { display: labels !== "", text: labels }, afterFit: (scale) => { scale.width = axisWidth; } };
      };
      const scales = { x: { stacked: series.stacked === true, ticks: { maxTicksLimit: 12, autoSkip: true } }, y: { ...axis("y"), stacked: series.stacked === true } };
      const right = series.datasets.some((d) => d.axis === "y1");
      if (right) scales.y1 = { ...axis("y1"), position: "right", grid: { drawOnChartArea: false } };
      charts.push(new Chart(canvas, {
        type: "bar",
        data: { labels: series.labels, datasets },
        options: { ...base, layout: { padding: { right: right ? 0 : axisWidth } }, interaction: { mode: "index", intersect: false }, plugins: { legend: { display: datasets.length > 1 } }, scales },
      }));
    });
  }
  drawCharts();
})();
`;
