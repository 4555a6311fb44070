import { expect, it } from "vitest";
import { analyzeFixture, classes, sitesOf } from "./helpers/usage-fixture.js";

it("follows package.json imports to project files and packages", async () => {
  const analysis = await analyzeFixture("subpath-imports");
  expect(classes(analysis)).toEqual({ "dep-node": "runtime", ms: "runtime" });
  expect(sitesOf(analysis, "dep-node")).toEqual(["src/index.js:2"]);
  // Measured as the package it loads, not as `#dep`.
  expect(analysis.packages.get("dep-node")?.sites[0]?.specifier).toBe("dep-node");
  expect(sitesOf(analysis, "ms")).toEqual(["src/internal/util.ts:1"]);
  expect(analysis.deadFiles).toEqual(["src/dep-browser.js"]);
});
