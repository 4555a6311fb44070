import { expect, it } from "vitest";
import { analyzeFixture, classes, sitesOf } from "./helpers/usage-fixture.js";

it("tells an @app/* alias from packages with the same look", async () => {
  const analysis = await analyzeFixture("tsconfig-scoped-alias");
  // No `@app/utils` nor `@app/icons`: the alias names project files.
  expect(classes(analysis)).toEqual({ "@app-kit/core": "runtime", "@app/logger": "runtime" });
  expect(sitesOf(analysis, "@app-kit/core")).toEqual(["src/utils.ts:1"]);
  expect(sitesOf(analysis, "@app/logger")).toEqual(["src/index.ts:2"]);
  expect(analysis.deadFiles).toEqual([]);
});
