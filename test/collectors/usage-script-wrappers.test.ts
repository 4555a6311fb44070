import { beforeAll, describe, expect, it } from "vitest";
import type { UsageAnalysis } from "../../src/collectors/usage/analyze-usage.js";
import { scriptCommands } from "../../src/collectors/usage/script-commands.js";
import { analyzeFixture, classes } from "./helpers/usage-fixture.js";

let analysis: UsageAnalysis;
beforeAll(async () => {
  analysis = await analyzeFixture("script-wrappers");
});

describe("script wrappers", () => {
  it("counts each wrapper and what it wraps, and runs the files they run", () => {
    expect(classes(analysis)).toEqual({
      "@playwright/test": "script-only",
      c8: "script-only",
      // Only scripts/check.js imports it, and the `check` script runs that: tooling.
      chalk: "script-only",
      concurrently: "script-only",
      "cross-env": "script-only",
      "dotenv-cli": "script-only",
      "esbuild-register": "script-only",
      "esbuild-runner": "script-only",
      express: "runtime",
      fastify: "runtime",
      jest: "script-only",
      "left-pad": "unused",
      mocha: "script-only",
      ms: "dead-code-only",
      "npm-run-all": "script-only",
      nyc: "script-only",
      pg: "runtime",
      typescript: "script-only",
      vitest: "script-only",
      webpack: "script-only",
      "xvfb-maybe": "script-only",
      zod: "runtime",
    });
    expect(analysis.deadFiles).toEqual(["src/orphan.ts"]);
  });

  it("records the scripts by name", () => {
    const scriptsOf = (name: string) => analysis.packages.get(name)?.scripts;
    expect(scriptsOf("cross-env")).toEqual([
      "e2e: xvfb-maybe cross-env BUNDLE=dev playwright test",
      "build: cross-env NODE_ENV=production webpack",
    ]);
    expect(scriptsOf("mocha")).toEqual(["cover: nyc --reporter lcov mocha"]);
    expect(scriptsOf("typescript")).toEqual(['dev: concurrently -n a,b "npm:watch-*" "tsc -w"']);
  });
});

describe("splitting a script", () => {
  it("keeps quoted arguments whole and follows wrapper chains", () => {
    expect(scriptCommands('concurrently -n a,b "npm:watch-*" "tsc -w && vite"')).toEqual([
      ["concurrently"],
      ["tsc", "-w"],
      ["vite"],
    ]);
    expect(
      scriptCommands("A=1 npx -y -p x @svgr/cli@6.4.0 --out a || env -u B FOO=1 jest"),
    ).toEqual([["npx"], ["@svgr/cli", "--out", "a"], ["env"], ["jest"]]);
    expect(scriptCommands("cross-env-shell NODE_ENV=x \"node a.js; tsx 'b c.ts'\"")).toEqual([
      ["cross-env-shell"],
      ["node", "a.js"],
      ["tsx", "b c.ts"],
    ]);
  });
});
