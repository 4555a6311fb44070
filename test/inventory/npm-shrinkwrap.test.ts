import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { readInventory } from "../../src/inventory/read-inventory.js";
import { expectBasicProject } from "./basic-project.js";
import { fixturePath, readFixture } from "./fixture.js";

describe("npm-shrinkwrap: npm-shrinkwrap.json (npm 11 shrinkwrap, no `resolved` URLs)", () => {
  test("reads the project without registry URLs", async () => {
    const inventory = await readFixture("npm-shrinkwrap");
    expect(inventory.projects[0]?.lockfile).toBe(
      fixturePath("npm-shrinkwrap", "npm-shrinkwrap.json"),
    );
    expectBasicProject(inventory);
  });

  test("a shrinkwrap wins over a package-lock.json in the same folder, as in npm", async () => {
    const folder = mkdtempSync(join(tmpdir(), "jenga-inventory-"));
    try {
      cpSync(fixturePath("npm-shrinkwrap"), folder, { recursive: true });
      cpSync(fixturePath("npm-workspaces", "package-lock.json"), join(folder, "package-lock.json"));
      const inventory = await readInventory(["."], { cwd: folder });
      expect(inventory.projects[0]?.lockfile).toBe(join(folder, "npm-shrinkwrap.json"));
      expectBasicProject(inventory);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
