import { expect, it } from "vitest";
import { analyzeFixture, classes, sitesOf } from "./helpers/usage-fixture.js";

it("resolves baseUrl specifiers to project files, and the rest to packages", async () => {
  const analysis = await analyzeFixture("tsconfig-base-url");
  expect(classes(analysis)).toEqual({
    lodash: "runtime",
    "not-declared": "undeclared",
    react: "runtime",
  });
  expect(sitesOf(analysis, "react")).toEqual(["src/components/button.js:1"]);
  expect(analysis.deadFiles).toEqual([]);
});
