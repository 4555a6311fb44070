import { describe, expect, it } from "vitest";
import { computeImpact } from "../../src/scoring/impact.js";
import { defaultPolicy } from "../../src/scoring/policy.js";
import { inventoryPackage } from "../helpers/evidence.js";

describe("computeImpact", () => {
  it.each([
    [
      "a direct, shipped package with one dependent",
      { direct: true, scopes: ["prod"], dependents: 1 },
      70,
    ],
    ["a direct dev-only tool", { direct: true, scopes: ["dev"], dependents: 1 }, 50],
    [
      "a transitive shipped package under 7 dependents",
      { direct: false, scopes: ["prod"], dependents: 7 },
      60,
    ],
    [
      "a hub: the dependents' share is capped",
      { direct: false, scopes: ["prod"], dependents: 500 },
      60,
    ],
    [
      "used by three projects",
      { direct: true, scopes: ["prod"], dependents: 1, projects: ["/a", "/b", "/c"] },
      80,
    ],
    [
      "never above 100",
      { direct: true, scopes: ["prod"], dependents: 1000, projects: ["/a", "/b", "/c", "/d"] },
      100,
    ],
  ] as const)("%s → %i", (_name, pkg, expected) => {
    expect(computeImpact(inventoryPackage(pkg as never), defaultPolicy)).toBe(expected);
  });
});
