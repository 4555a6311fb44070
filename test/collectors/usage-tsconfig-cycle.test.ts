import { expect, it } from "vitest";
import { analyzeFixture, classes } from "./helpers/usage-fixture.js";

it("stops at an extends cycle and keeps the aliases read before it", async () => {
  const analysis = await analyzeFixture("tsconfig-cycle");
  expect(analysis.blindSpots).toEqual([
    {
      file: "config/base.json",
      line: 0,
      kind: "unread-config",
      detail: "base.json extends ../tsconfig.json: a cycle, not followed",
    },
  ]);
  expect(classes(analysis)).toEqual({ ms: "runtime" });
  expect(analysis.deadFiles).toEqual([]);
});
