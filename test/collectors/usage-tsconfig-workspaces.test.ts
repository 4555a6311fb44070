import { expect, it } from "vitest";
import { analyzeFixture, classes, sitesOf } from "./helpers/usage-fixture.js";

it("applies each workspace's own paths to its own files", async () => {
  const analysis = await analyzeFixture("tsconfig-workspaces");
  expect(classes(analysis)).toEqual({ express: "runtime", react: "runtime" });
  expect(sitesOf(analysis, "react")).toEqual(["packages/web/src/util.ts:1"]);
  expect(sitesOf(analysis, "express")).toEqual(["packages/api/lib/util.ts:1"]);
  expect(analysis.deadFiles).toEqual(["packages/web/src/orphan.ts"]);
});
