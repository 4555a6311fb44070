import { beforeAll, describe, expect, it } from "vitest";
import type { UsageEvidence } from "../../src/collectors/usage/types.js";
import { analyzeUsageFixture } from "../helpers/usage-fixture.js";

let packages: Map<string, UsageEvidence>;

beforeAll(async () => {
  packages = (await analyzeUsageFixture("workspaces")).packages;
});

const usage = (name: string) => {
  const found = packages.get(name);
  if (!found) throw new Error(`no usage for ${name}`);
  return found;
};

describe("a monorepo's workspaces", () => {
  it("reports a package declared by one workspace and imported by another", () => {
    expect(usage("moment")).toMatchObject({
      class: "runtime",
      misplaced: { declaredNotUsed: ["packages/sdk"], usedNotDeclared: ["packages/app"] },
    });
    expect(usage("moment").sites.map((s) => `${s.file}:${s.line}`)).toEqual([
      "packages/app/src/index.js:4",
    ]);
  });

  it("lets the root's declarations serve every workspace", () => {
    expect(usage("root-helper").class).toBe("runtime");
    expect(usage("root-helper").misplaced).toBeUndefined();
    expect(usage("left-pad").misplaced).toBeUndefined();
    expect(usage("sdk-only")).toMatchObject({ class: "runtime", symbols: ["format"] });
  });

  it("scopes a computed require to the packages its own workspace or the root declare", () => {
    // Written in packages/app, declared only by packages/sdk.
    expect(usage("sdk-extra").class).toBe("unused");
    expect(usage("sdk-extra").blindSpots).toEqual([]);
  });

  it("finds packages loaded by a test docblock and by a config file's object keys", () => {
    expect(usage("jsdom")).toMatchObject({
      class: "config-only",
      configMentions: ["packages/app/test/index.test.js:2: jsdom"],
    });
    expect(usage("autoprefixer")).toMatchObject({
      class: "config-only",
      configMentions: ["packages/app/postcss.config.js:3: autoprefixer"],
    });
  });
});
