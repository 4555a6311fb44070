import { describe, expect, it } from "vitest";
import { defaultPolicy } from "../../src/scoring/policy.js";
import { computeSignals } from "../../src/signals/compute-signals.js";
import { inventoryPackage, now, registryEvidence, version } from "../helpers/evidence.js";
import { gitEvidence, monthly } from "../helpers/git-evidence.js";

const statuses = { registry: "ok", git: "ok" };

describe("the recent bus factor", () => {
  it("follows today's team, not the founder's whole history", () => {
    // The founder (Ana) wrote five years of history and left; Ben carries the last three years.
    const git = gitEvidence([...monthly("2020-12-01", 60, 0), ...monthly("2026-05-01", 30, 1)]);
    const s = computeSignals(inventoryPackage(), { git }, statuses, now, defaultPolicy);
    expect(s.busFactor).toMatchObject({
      value: 1,
      detail: { months: 36, authors: 1, commits: 30 },
    });
  });

  it("is two when two people share the window's commits evenly, one when one made most", () => {
    const even = gitEvidence([...monthly("2026-05-01", 20, 0), ...monthly("2026-05-10", 20, 1)]);
    expect(
      computeSignals(inventoryPackage(), { git: even }, statuses, now, defaultPolicy).busFactor
        ?.value,
    ).toBe(2);
    const lopsided = gitEvidence([
      ...monthly("2026-05-01", 30, 0),
      ...monthly("2026-05-10", 10, 1),
    ]);
    expect(
      computeSignals(inventoryPackage(), { git: lopsided }, statuses, now, defaultPolicy).busFactor
        ?.value,
    ).toBe(1);
  });

  it("is unknown with no human commit in the window, and its window comes from the policy", () => {
    const git = gitEvidence(monthly("2020-01-01", 10, 0));
    expect(
      computeSignals(inventoryPackage(), { git }, statuses, now, defaultPolicy).busFactor?.value,
    ).toBeNull();
    const wide = { ...defaultPolicy, git: { ...defaultPolicy.git, busFactorWindowMonths: 120 } };
    expect(computeSignals(inventoryPackage(), { git }, statuses, now, wide).busFactor?.value).toBe(
      1,
    );
  });
});

describe("recent human authors", () => {
  it("counts the people of the last two active years, bots left out", () => {
    const git = gitEvidence([
      ...monthly("2026-05-01", 5, 0),
      ...monthly("2026-05-01", 5, 2),
      ["2022-01-01T00:00:00Z", 1],
    ]);
    const s = computeSignals(inventoryPackage(), { git }, statuses, now, defaultPolicy);
    expect(s.recentAuthors).toMatchObject({ value: 1, detail: { months: 24, commits: 5 } });
    // Silent for years: the window ends at the newest human commit, so its author still counts.
    const silent = gitEvidence([...monthly("2020-01-01", 6, 1), ...monthly("2017-01-01", 6, 0)]);
    const t = computeSignals(inventoryPackage(), { git: silent }, statuses, now, defaultPolicy);
    expect(t.recentAuthors).toMatchObject({ value: 1, detail: { commits: 6 } });
  });
});

describe("the installed line's last release", () => {
  const versions = {
    "1.0.0": version("2019-01-01T00:00:00Z"),
    "1.4.0": version("2021-03-01T00:00:00Z"),
    "2.0.0": version("2023-01-01T00:00:00Z"),
    "2.5.0": version("2026-02-01T00:00:00Z"),
  };

  it("says how long the installed line has been without a release, beside the latest line", () => {
    const s = computeSignals(
      inventoryPackage({ versions: ["1.0.0"] }),
      { registry: registryEvidence(versions) },
      statuses,
      now,
      defaultPolicy,
    );
    expect(s.installedLineMonths).toMatchObject({
      value: 63,
      trusted: true,
      detail: { line: "1.x", latestLine: "2.x", latestLineMonths: 3 },
    });
  });

  it("treats each 0.x minor as its own line", () => {
    const zero = {
      "0.3.0": version("2020-01-01T00:00:00Z"),
      "0.4.0": version("2026-01-01T00:00:00Z"),
    };
    const s = computeSignals(
      inventoryPackage({ versions: ["0.3.0"] }),
      { registry: registryEvidence(zero) },
      statuses,
      now,
      defaultPolicy,
    );
    expect(s.installedLineMonths?.detail).toMatchObject({ line: "0.3.x", latestLine: "0.4.x" });
  });
});

describe("the replacement signal", () => {
  it("knows e18e's replacements from the package name, with no project code read", () => {
    const registry = registryEvidence({ "1.0.0": version("2020-01-01T00:00:00Z") });
    const s = computeSignals(
      inventoryPackage({ name: "object-assign" }),
      { registry },
      statuses,
      now,
      defaultPolicy,
    );
    expect(s.replacement).toMatchObject({ detail: { kind: "native" } });
    expect(s.replacement?.value).toEqual(
      expect.arrayContaining([expect.stringMatching(/Object\.assign/)]),
    );
  });

  it("stays unknown when the registry did not answer", () => {
    const s = computeSignals(
      inventoryPackage({ name: "object-assign" }),
      {},
      { registry: "unavailable: offline" },
      now,
      defaultPolicy,
    );
    expect(s.replacement?.value).toBeNull();
  });
});

describe("report fixes read from the clone", () => {
  it("rates issue-closing commits of the last three years, per year and per 1,000 lines", () => {
    const t = (iso: string) => Date.parse(iso) / 1000;
    const git = gitEvidence(monthly("2026-05-01", 6, 0), {
      reportFixTimes: [t("2026-04-01"), t("2025-06-01"), t("2024-01-01"), t("2019-01-01")],
      sourceLines: 2_000,
    });
    const s = computeSignals(inventoryPackage(), { git }, statuses, now, defaultPolicy);
    expect(s.reportFixesPerYear).toMatchObject({
      value: 1,
      detail: { months: 36, commits: 3, allTime: 4, perKloc: 0.5 },
    });
    const old = gitEvidence(monthly("2026-05-01", 6, 0));
    expect(
      computeSignals(inventoryPackage(), { git: old }, statuses, now, defaultPolicy)
        .reportFixesPerYear?.value,
    ).toBeNull();
  });
});

describe("a signal that chokes on a stranger's evidence", () => {
  it("reads as unavailable with the signal named, and every other signal still computes", () => {
    const git = { ...gitEvidence(monthly("2026-05-01", 6, 0)), tags: null } as never;
    const s = computeSignals(inventoryPackage(), { git }, statuses, now, defaultPolicy);
    expect(s.monthsSinceLastTag).toMatchObject({ value: null, trusted: false });
    expect(s.monthsSinceLastTag?.note).toMatch(
      /^unavailable: internal error in monthsSinceLastTag \(.+\); please report it$/,
    );
    expect(s.commitsLast12Months?.value).toBe(6);
  });
});

describe("publish times checked against git tags", () => {
  const t = (iso: string) => Date.parse(iso) / 1000;
  const registry = registryEvidence(
    {
      "1.0.0": version("2020-01-02T00:00:00Z"),
      "2.0.0": version("2021-03-01T00:00:00Z"),
    },
    { name: "@acme/widget" },
  );
  const signalsWith = (tags: { name: string; time: number }[]) =>
    computeSignals(
      inventoryPackage({ name: "@acme/widget", versions: ["2.0.0"] }),
      { registry, git: gitEvidence(monthly("2026-05-01", 3, 0), { tags }) },
      statuses,
      now,
      defaultPolicy,
    );

  it("agrees when each tagged version was published near its tag, whatever the tag's form", () => {
    const s = signalsWith([
      { name: "@acme/widget@2.0.0", time: t("2021-02-27") },
      { name: "widget-v1.0.0", time: t("2020-01-01") },
    ]);
    expect(s.publishMatchesTags).toMatchObject({ value: true, detail: { versions: 2 } });
  });

  it("is unknown when no tag names a published version", () => {
    expect(
      signalsWith([{ name: "nightly", time: t("2020-01-01") }]).publishMatchesTags?.value,
    ).toBeNull();
  });

  it("catches a version 'published' long after its tag", () => {
    const s = signalsWith([{ name: "v2.0.0", time: t("2020-06-01") }]);
    expect(s.publishMatchesTags?.value).toBe(false);
  });
});
