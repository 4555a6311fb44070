// npm run calibrate: agreement of jenga's verdicts with the reviewer's labels, offline.
// --write records the current figures in figures.json (the floor the test holds).
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { calibrate, labelNames, verdictColumns } from "./lib/run.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const pct = (x) => (x === null ? "  -  " : `${(x * 100).toFixed(1).padStart(5)}%`);
// --without=git measures the registry-only path (a network that reaches no git host).
const without = (process.argv.find((a) => a.startsWith("--without="))?.slice(10) ?? "")
  .split(",")
  .filter(Boolean);
const r = calibrate(undefined, without);

console.log(
  `jenga calibration: ${r.packages} labelled packages${without.length > 0 ? ` (without ${without.join(", ")})` : ""}\n`,
);
console.log(`strict agreement   ${pct(r.agreement.strict)}  (verdict == label)`);
console.log(
  `lenient agreement  ${pct(r.agreement.lenient)}  (verdict == label or a recorded second verdict)`,
);
console.log("\nbaselines:");
console.log(
  `  no human commit for 24 months -> sunset, else keep   strict ${pct(r.baselines.silence24Months.strict)}  lenient ${pct(r.baselines.silence24Months.lenient)}`,
);
console.log(
  `  in module-replacements -> rewrite, else keep          strict ${pct(r.baselines.moduleReplacements.strict)}  lenient ${pct(r.baselines.moduleReplacements.lenient)}`,
);
console.log("\nper class:      labelled  predicted  recall  precision");
for (const l of labelNames) {
  const c = r.perClass[l];
  console.log(
    `  ${l.padEnd(10)} ${String(c.labelled).padStart(8)} ${String(c.predicted).padStart(10)}  ${pct(c.recall)}  ${pct(c.precision)}`,
  );
}
console.log("\nconfusion (rows = label, columns = verdict):");
console.log(`  ${"".padEnd(9)}${verdictColumns.map((v) => v.padStart(9)).join("")}`);
for (const l of labelNames) {
  console.log(
    `  ${l.padEnd(9)}${verdictColumns.map((v) => String(r.confusion[l][v]).padStart(9)).join("")}`,
  );
}
console.log(`\ndisagreements (${r.disagreements.length}):`);
for (const d of r.disagreements) {
  const mark = d.lenientHit ? " (lenient ok)" : "";
  console.log(
    `  ${`${d.name}@${d.installed}`.padEnd(28)} label ${d.label.padEnd(8)} verdict ${d.verdict.padEnd(8)}${mark}  ${d.reason}`,
  );
}

if (process.argv.includes("--write") && without.length === 0) {
  const figures = {
    packages: r.packages,
    strict: Number(r.agreement.strict.toFixed(4)),
    lenient: Number(r.agreement.lenient.toFixed(4)),
    recall: Object.fromEntries(labelNames.map((l) => [l, Number(r.perClass[l].recall.toFixed(4))])),
    baselines: {
      silence24Months: Number(r.baselines.silence24Months.strict.toFixed(4)),
      moduleReplacements: Number(r.baselines.moduleReplacements.strict.toFixed(4)),
    },
  };
  writeFileSync(path.join(here, "figures.json"), `${JSON.stringify(figures, null, 2)}\n`);
  console.log("\nfigures.json written");
}
