import { readdirSync } from "node:fs";
import { test } from "vitest";
import { readInventory } from "../../src/inventory/read-inventory.js";

test("probe", async () => {
  const root = "test/fixtures/inventory";
  for (const dir of readdirSync(root).sort()) {
    const target = dir.startsWith("cyclonedx") ? `${dir}/bom.json` : dir;
    const inv = await readInventory([target], { cwd: root });
    console.log(`\n=== ${dir} ${JSON.stringify(inv.projects.map((p) => [p.name, p.kind]))} count=${inv.packages.length}`);
    for (const w of inv.warnings) console.log("  WARN", w);
    for (const p of inv.packages) {
      console.log(`  ${p.name} ${JSON.stringify(p.versions)} ${p.direct ? "D" : "-"} ${p.scopes.join(",")} dep=${p.dependents} ${p.origin} path=${p.path.join(">")} via=${p.via.join(",")}`);
    }
  }
});
