import { expect, it } from "vitest";
import { analyzeFixture, classes } from "./helpers/usage-fixture.js";

it("turns a tsconfig that does not parse into a blind spot, not a crash", async () => {
  const analysis = await analyzeFixture("tsconfig-broken");
  expect(analysis.blindSpots).toEqual([
    {
      file: "tsconfig.json",
      line: 5,
      kind: "parse-error",
      detail: "tsconfig.json does not parse (CloseBraceExpected): its path aliases are unknown",
    },
  ]);
  // `@/x` is no package even unresolved: no package has an empty scope.
  expect(classes(analysis)).toEqual({ "left-pad": "unknown", ms: "runtime" });
  expect(analysis.deadFiles).toEqual(["src/x.ts"]);
});
