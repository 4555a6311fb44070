import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { isValidPackageName } from "../../src/inventory/package-name.js";
import { readInventory } from "../../src/inventory/read-inventory.js";
import type { Inventory } from "../../src/inventory/types.js";
import { BASIC_COUNT } from "./basic-project.js";
import { fixturePath, names } from "./fixture.js";

/**
 * Real fixtures with hostile or broken entries spliced in: path traversal in
 * keys, control characters, missing versions, keys that are not descriptors.
 * The file still reads, those entries are skipped with a warning, and no
 * invalid name reaches the inventory.
 */

let folder = "";
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "jenga-inventory-"));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

async function readSpliced(
  fixture: string,
  file: string,
  splice: (text: string) => string,
): Promise<Inventory> {
  cpSync(fixturePath(fixture), folder, { recursive: true });
  writeFileSync(join(folder, file), splice(readFileSync(join(folder, file), "utf8")));
  return readInventory(["."], { cwd: folder });
}

function expectOnlyValidNames(inventory: Inventory): void {
  expect(names(inventory).filter((name) => !isValidPackageName(name))).toEqual([]);
}

describe("hostile and broken lockfile entries", () => {
  test("package-lock.json v3", async () => {
    const inventory = await readSpliced("npm-v3", "package-lock.json", (text) => {
      const lock = JSON.parse(text);
      Object.assign(lock.packages, {
        "node_modules/../../etc": { version: "1.0.0" },
        "node_modules/evil\u0007bell": { version: "1.0.0" },
        "node_modules/renamed": { name: "../../x", version: "1.0.0" },
        "node_modules/no-version": {},
        "node_modules/bad-version": { version: "1.0.0\u0000" },
        "node_modules/__proto__": { version: "1.0.0" },
        "node_modules/constructor": { version: "1.0.0" },
      });
      lock.packages[""].dependencies["../../etc"] = "1.0.0";
      return JSON.stringify(lock);
    });
    expectOnlyValidNames(inventory);
    expect(inventory.warnings).toEqual([
      'package-lock.json: skipped "node_modules/../../etc": "../../etc" is not a valid package name',
      'package-lock.json: skipped "node_modules/evil\\u0007bell": "evil\\u0007bell" is not a valid package name',
      'package-lock.json: skipped "node_modules/renamed": "../../x" is not a valid package name',
      'package-lock.json: skipped "node_modules/no-version": no version',
      'package-lock.json: skipped "node_modules/bad-version": unreadable version "1.0.0\\u0000"',
      'package-lock.json: skipped "node_modules/__proto__": "__proto__" is not a valid package name',
      'package-lock.json: "(root)": "../../etc" is not in the lock',
    ]);
    // A valid entry nothing depends on is listed, reached from nowhere.
    const orphan = inventory.packages.find((pkg) => pkg.name === "constructor");
    expect(orphan).toMatchObject({ direct: false, scopes: [], path: [], via: [], dependents: 0 });
    expect(inventory.packages).toHaveLength(BASIC_COUNT + 1);
  });

  test("pnpm-lock.yaml v9", async () => {
    const inventory = await readSpliced("pnpm-v9", "pnpm-lock.yaml", (text) =>
      text.replace(
        "\nsnapshots:\n",
        '\nsnapshots:\n\n  ../../etc@1.0.0: {}\n\n  "evil\\x01@1.0.0": {}\n\n  nonsense: {}\n',
      ),
    );
    expectOnlyValidNames(inventory);
    expect(inventory.warnings).toEqual([
      'pnpm-lock.yaml: skipped "../../etc@1.0.0": "../../etc" is not a valid package name',
      'pnpm-lock.yaml: skipped "evil\\u0001@1.0.0": "evil\\u0001" is not a valid package name',
      'pnpm-lock.yaml: skipped "nonsense": not a package key',
    ]);
    expect(inventory.packages).toHaveLength(BASIC_COUNT);
  });

  test("yarn.lock v1", async () => {
    const inventory = await readSpliced(
      "yarn-classic",
      "yarn.lock",
      (text) =>
        `${text}\n"../../etc@^1":\n  version "1.0.0"\n\nno-version@^1:\n  resolved "x"\n\njustaname:\n  version "1.0.0"\n`,
    );
    expectOnlyValidNames(inventory);
    expect(inventory.warnings).toEqual([
      'yarn.lock: skipped "../../etc@^1": "../../etc" is not a valid package name',
      'yarn.lock: skipped "no-version@^1": no version',
      'yarn.lock: skipped "justaname": not a name@range key',
    ]);
    expect(inventory.packages).toHaveLength(BASIC_COUNT);
  });

  test("yarn.lock of yarn berry", async () => {
    const inventory = await readSpliced(
      "yarn-berry",
      "yarn.lock",
      (text) =>
        `${text}\n"../../etc@npm:^1":\n  version: 1.0.0\n  resolution: "../../etc@npm:1.0.0"\n\n"no-resolution@npm:^1":\n  version: 1.0.0\n`,
    );
    expectOnlyValidNames(inventory);
    expect(inventory.warnings).toEqual([
      'yarn.lock: skipped "../../etc@npm:^1": "../../etc" is not a valid package name',
      'yarn.lock: skipped "no-resolution@npm:^1": no resolution',
    ]);
    expect(inventory.packages).toHaveLength(37);
  });

  test("CycloneDX SBOM", async () => {
    cpSync(fixturePath("cyclonedx-npm-sbom", "bom.json"), join(folder, "bom.json"));
    const bom = JSON.parse(readFileSync(join(folder, "bom.json"), "utf8"));
    bom.components.push(
      { type: "library", "bom-ref": "evil", name: "x", purl: "pkg:npm/..%2F..%2Fetc@1.0.0" },
      { type: "library", "bom-ref": "bad-encoding", name: "y", purl: "pkg:npm/%E0%A4%A@1.0.0" },
      { type: "library", "bom-ref": "python", name: "requests", purl: "pkg:pypi/requests@2.31.0" },
    );
    bom.dependencies.push({
      ref: bom.metadata.component["bom-ref"],
      dependsOn: ["evil", "python"],
    });
    writeFileSync(join(folder, "bom.json"), JSON.stringify(bom));
    const inventory = await readInventory(["bom.json"], { cwd: folder });
    expectOnlyValidNames(inventory);
    expect(inventory.warnings).toEqual([
      'bom.json: skipped "evil": "../../etc" is not a valid package name',
      "bom.json: 1 component without a readable package URL, 1 pypi component not analysed: jenga reads npm packages",
    ]);
    expect(inventory.packages).toHaveLength(BASIC_COUNT);
  });
});
