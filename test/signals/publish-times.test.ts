import { describe, expect, it } from "vitest";
import { assessPublishTimes } from "../../src/signals/publish-times.js";
import { now, registryEvidence, steadyHistory, version } from "../helpers/evidence.js";

describe("assessPublishTimes", () => {
  it("trusts a forward-running history", () => {
    expect(assessPublishTimes(registryEvidence(steadyHistory("2020-01-01", 12)), now)).toEqual({
      trusted: true,
      why: null,
    });
  });

  it("trusts a history with a few backports", () => {
    const versions = steadyHistory("2020-01-01", 10);
    // 1.2.1 is a backport published after 1.5.0: legitimate, and only one pair of nine runs backwards.
    versions["1.2.1"] = version("2021-06-01T00:00:00Z");
    expect(assessPublishTimes(registryEvidence(versions), now).trusted).toBe(true);
  });

  it("distrusts copy times in arbitrary order, as a mirror writes them", () => {
    const times = [
      "2026-03-29",
      "2024-11-23",
      "2026-03-20",
      "2026-03-25",
      "2024-12-04",
      "2024-02-27",
      "2026-08-19",
    ];
    const versions = Object.fromEntries(
      times.map((t, i) => [`2.${i}.0`, version(`${t}T00:00:00Z`)]),
    );
    const result = assessPublishTimes(
      registryEvidence(versions, { modified: "2026-08-20T00:00:00Z" }),
      new Date("2026-09-01"),
    );
    expect(result.trusted).toBe(false);
    expect(result.why).toMatch(/% of versions are dated before the version they follow/);
  });

  it("distrusts a long history copied within days", () => {
    const versions = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [
        `1.${i}.0`,
        version(`2026-05-0${1 + (i % 2)}T0${i % 10}:00:00Z`),
      ]),
    );
    // Keep order forward so only the bulk-copy tell fires.
    const sorted = Object.fromEntries(
      Object.entries(versions).map(([v], i) => [
        v,
        version(new Date(Date.parse("2026-05-01") + i * 3_600_000).toISOString()),
      ]),
    );
    const result = assessPublishTimes(registryEvidence(sorted), now);
    expect(result).toEqual({ trusted: false, why: "all 12 versions are dated within 1 days" });
  });

  it("distrusts times after the packument's own modified date", () => {
    const versions = steadyHistory("2020-01-01", 5);
    const result = assessPublishTimes(
      registryEvidence(versions, { modified: "2020-02-01T00:00:00Z" }),
      now,
    );
    expect(result.why).toBe("1.1.0 is dated after the packument was last modified");
  });

  it("distrusts times in the future", () => {
    const result = assessPublishTimes(
      registryEvidence({ "1.0.0": version("2030-01-01T00:00:00Z") }),
      now,
    );
    expect(result).toEqual({ trusted: false, why: "1.0.0 is dated in the future" });
  });

  it("distrusts a time map without created and modified, as mirrors write it", () => {
    const result = assessPublishTimes(
      registryEvidence(steadyHistory("2020-01-01", 5), { created: null, modified: null }),
      now,
    );
    expect(result).toEqual({
      trusted: false,
      why: "the registry's time map has no created or modified entry, as rewritten by mirrors",
    });
  });

  it("has nothing to trust without times", () => {
    const result = assessPublishTimes(
      registryEvidence({ "1.0.0": version("") }, { created: null }),
      now,
    );
    expect(result.trusted).toBe(false);
  });
});
