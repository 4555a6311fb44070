import { beforeAll, describe, expect, it } from "vitest";
import type { UsageEvidence } from "../../src/collectors/usage/types.js";
import { usageClass } from "../../src/signals/usage/usage-class.js";
import { inventoryPackage, now } from "../helpers/evidence.js";
import { analyzeUsageFixture } from "../helpers/usage-fixture.js";

let packages: Map<string, UsageEvidence>;

beforeAll(async () => {
  packages = (await analyzeUsageFixture("peers")).packages;
});

describe("peer dependencies the project declares for the packages it uses", () => {
  it("takes a required peer as used through its user, in the user's roles", () => {
    expect(packages.get("host-core")).toMatchObject({
      class: "runtime",
      roles: ["runtime"],
      loadedBy: ["plugin-a"],
      blindSpots: [],
    });
  });

  it("takes an optional peer as used once the user's reached code imports it", () => {
    expect(packages.get("optional-host")).toMatchObject({
      class: "runtime",
      loadedBy: ["lib-b"],
      blindSpots: [],
    });
  });

  it("leaves an optional peer no code loads unknown, naming the user", () => {
    expect(packages.get("unused-peer")?.class).toBe("unknown");
    expect(packages.get("unused-peer")?.blindSpots).toEqual([
      {
        file: "package.json",
        line: 0,
        kind: "peer-requirement",
        detail: "lib-b may load it (an optional peer dependency)",
        candidates: ["unused-peer"],
        by: "lib-b",
      },
    ]);
  });

  it("says who loads it in the usage class's evidence", () => {
    const usage = packages.get("host-core");
    if (!usage) throw new Error("no usage");
    const computed = usageClass.compute({ evidence: { usage }, pkg: inventoryPackage(), now });
    expect(computed.note).toBe("loaded by plugin-a, as its peer dependency");
  });
});
