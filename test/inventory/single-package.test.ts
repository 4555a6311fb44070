import { describe, expect, it } from "vitest";
import {
  parsePackageSpec,
  resolveRequested,
  singlePackageInventory,
} from "../../src/inventory/single-package.js";

describe("jenga check's package spec", () => {
  it.each([
    ["left-pad", { name: "left-pad", requested: null }],
    ["left-pad@1.3.0", { name: "left-pad", requested: "1.3.0" }],
    ["@scope/name@^2", { name: "@scope/name", requested: "^2" }],
    ["@scope/name", { name: "@scope/name", requested: null }],
    ["react@next", { name: "react", requested: "next" }],
    ["pkg:npm/%40scope/name@1.2.3", { name: "@scope/name", requested: "1.2.3" }],
    ["pkg:npm/left-pad@1.3.0?repository_url=x", { name: "left-pad", requested: "1.3.0" }],
  ])("reads %s", (spec, expected) => {
    expect(parsePackageSpec(spec)).toEqual(expected);
  });

  it.each([
    "../etc/passwd",
    "bad name",
    "left-pad@",
    "left-pad@;rm -rf",
    "pkg:pypi/requests@2",
    "pkg:npm/%E0%A4%A",
    `x@${"9".repeat(300)}`,
  ])("refuses %s as a usage error", (spec) => {
    expect(() => parsePackageSpec(spec)).toThrow(expect.objectContaining({ name: "UsageError" }));
  });

  it("resolves a version, a dist-tag or a range once the registry answered", () => {
    const versions = ["1.0.0", "1.2.0", "2.0.0", "3.0.0-beta.1"];
    const tags = { latest: "2.0.0", next: "3.0.0-beta.1" };
    expect(resolveRequested("1.0.0", versions, tags)).toBe("1.0.0");
    expect(resolveRequested("latest", versions, tags)).toBe("2.0.0");
    expect(resolveRequested("next", versions, tags)).toBe("3.0.0-beta.1");
    expect(resolveRequested("^1", versions, tags)).toBe("1.2.0");
    expect(resolveRequested("^9", versions, tags)).toBeNull();
    expect(resolveRequested("constructor", versions, tags)).toBeNull();
  });

  it("makes the package a project's only direct production dependency", () => {
    const inventory = singlePackageInventory({ name: "left-pad", requested: null }, "/here");
    expect(inventory.packages).toEqual([
      expect.objectContaining({
        name: "left-pad",
        versions: ["latest"],
        direct: true,
        scopes: ["prod"],
      }),
    ]);
  });
});
