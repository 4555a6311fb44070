import { describe, expect, test } from "vitest";
import { factsOf, fixturePath, names, readFixture } from "./fixture.js";

describe("package-json-only: the basic project's package.json, no lockfile", () => {
  test("lists declared dependencies, direct, with no resolved versions", async () => {
    const inventory = await readFixture("package-json-only");
    expect(inventory.projects).toEqual([
      {
        path: fixturePath("package-json-only"),
        name: "inv-basic",
        lockfile: null,
        kind: "package-json",
      },
    ]);
    expect(names(inventory)).toEqual([
      "@types/node",
      "chalk",
      "debug",
      "fsevents",
      "is-number",
      "ms",
      "react",
      "react-dom",
      "supports-color",
    ]);
    expect(inventory.packages.every((pkg) => pkg.direct && pkg.versions.length === 0)).toBe(true);
    // `is-num: npm:is-number@^7` and `is-number: ^6` are one package declared twice by the root.
    expect(factsOf(inventory, "is-number")).toEqual({
      versions: [],
      direct: true,
      scopes: ["prod"],
      dependents: 1,
      path: ["inv-basic", "is-number"],
      via: ["is-number"],
      origin: "registry",
    });
    expect(factsOf(inventory, "react").scopes).toEqual(["dev", "peer"]);
    expect(factsOf(inventory, "fsevents").scopes).toEqual(["optional"]);
  });
});
