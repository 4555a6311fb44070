import { expect, it } from "vitest";
import { analyzeFixture, classes } from "./helpers/usage-fixture.js";

it("never follows extends out of the project", async () => {
  const analysis = await analyzeFixture("tsconfig-escape/project");
  expect(analysis.blindSpots).toEqual([
    {
      file: "tsconfig.json",
      line: 0,
      kind: "unread-config",
      detail: "tsconfig.json extends ../outside.json: outside the project, not read",
    },
  ]);
  // outside.json would have mapped `@/x` to src/x.ts: unread, it is dead.
  expect(analysis.deadFiles).toEqual(["src/x.ts"]);
  expect(classes(analysis)).toEqual({ ms: "unknown" });
});
