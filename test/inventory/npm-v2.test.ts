import { describe, expect, test } from "vitest";
import { expectBasicProject } from "./basic-project.js";
import { readFixture } from "./fixture.js";

describe("npm-v2: package-lock.json lockfileVersion 2 (npm 11 --lockfile-version 2)", () => {
  test("reads the `packages` map and ignores the v1 tree kept beside it", async () => {
    const inventory = await readFixture("npm-v2");
    expect(inventory.projects.map((project) => [project.name, project.kind])).toEqual([
      ["inv-basic", "npm-lock"],
    ]);
    expect(inventory.warnings).toEqual([]);
    expectBasicProject(inventory);
  });
});
