/**
 * report.js: the theme toggle, the table's sorting and filtering, and the
 * charts. Plain ES2020 for any current browser; shipped as a file because the
 * Content-Security-Policy forbids inline script. Rows are rendered by the
 * server, so the script only toggles `hidden` and reorders: no jank at 5,000.
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

  // Table: sort by any column, filter by verdict and text.
  const table = document.getElementById("packages");
  if (table) {
    const body = table.tBodies[0];
    const rows = Array.from(body.rows);
    let texts = null;
    const filter = document.getElementById("filter");
    const boxes = Array.from(document.querySelectorAll('input[name="verdict"]'));
    const shown = document.getElementById("shown");
    const apply = () => {
      const q = filter ? filter.value.trim().toLowerCase() : "";
      if (q !== "" && texts === null) texts = rows.map((row) => row.textContent.toLowerCase());
      const allowed = new Set(boxes.filter((b) => b.checked).map((b) => b.value));
      let count = 0;
      rows.forEach((row, i) => {
        const visible = allowed.has(row.dataset.verdict) && (q === "" || texts[i].includes(q));
        if (row.hidden === visible) row.hidden = !visible;
        if (visible) count++;
      });
      if (shown) shown.textContent = "Showing " + count + " of " + rows.length + " packages";
    };
    filter?.addEventListener("input", apply);
    boxes.forEach((b) => b.addEventListener("change", apply));
    apply();

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
          // Absent values ("—") sort last in both directions.
          return [row, numeric ? (value === "" ? null : Number(value)) : value.toLowerCase()];
        }));
        const sign = ascending ? 1 : -1;
        const sorted = rows.slice().sort((a, b) => {
          const x = keys.get(a), y = keys.get(b);
          if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
          return (x < y ? -1 : x > y ? 1 : 0) * sign;
        });
        const fragment = document.createDocumentFragment();
        sorted.forEach((row) => fragment.append(row));
        body.append(fragment);
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
