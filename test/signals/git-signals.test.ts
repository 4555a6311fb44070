import { describe, expect, it } from "vitest";
import { isBot } from "../../src/collectors/git/bots.js";
import { isSecurityFix } from "../../src/collectors/git/security-commit.js";
import { computeSignals } from "../../src/signals/compute-signals.js";
import { degreeOfAuthorship, fileAuthors, truckFactor } from "../../src/signals/git-history.js";
import { inventoryPackage, now } from "../helpers/evidence.js";
import { gitEvidence, monthly } from "../helpers/git-evidence.js";

const statuses = { registry: "ok", git: "ok", advisories: "-", issues: "-", usage: "-" };
const signalsOf = (git: ReturnType<typeof gitEvidence>) =>
  computeSignals(inventoryPackage(), { git }, statuses, now);

describe("truck factor (Avelino et al. 2016)", () => {
  it("computes the degree of authorship from its published weights", () => {
    // 3.293 + 1.098 + 0.164·1 − 0.321·ln(6) = 3.9798
    expect(degreeOfAuthorship(true, 1, 5)).toBeCloseTo(3.9798, 4);
    // 3.293 + 0.164·5 − 0.321·ln(2) = 3.8905
    expect(degreeOfAuthorship(false, 5, 1)).toBeCloseTo(3.8905, 4);
  });

  it("finds the authors of a file: normalised DOA above 0.75 and DOA at least 3.293", () => {
    // Both: 3.8905 / 3.9798 = 0.978.
    expect(fileAuthors({ creator: 0, changes: [0, 1, 1, 5] })).toEqual([0, 1]);
    // Author 0 made one change after author 2 created it: 3.293 + 0.164 − 0.321·ln 2 = 3.2345 < 3.293.
    expect(fileAuthors({ creator: 2, changes: [2, 1, 0, 1] })).toEqual([2]);
  });

  it("removes the top author until more than half of the files are orphaned", () => {
    const files = [
      { creator: 0, changes: [0, 1, 1, 5] }, // authors 0 and 1
      { creator: 1, changes: [1, 2] }, // author 1
      { creator: 2, changes: [2, 1] }, // author 2
      { creator: 2, changes: [2, 1, 0, 1] }, // author 2
    ];
    // Authors 1 and 2 tie at two files; 1 goes first and orphans one file (not more than half),
    // then 2 orphans three of four.
    expect(truckFactor(files)).toBe(2);
    expect(truckFactor(files.slice(1, 2))).toBe(1);
    expect(truckFactor([])).toBeNull();
    const git = gitEvidence([["2026-01-01T00:00:00Z", 0]], { files });
    expect(signalsOf(git).truckFactor?.value).toBe(2);
  });
});

describe("git signals", () => {
  it("leaves bots out of silence, activity and people counts", () => {
    const git = gitEvidence([
      ["2026-05-20T00:00:00Z", 2],
      ["2026-04-01T00:00:00Z", 2],
      ["2023-05-01T00:00:00Z", 0],
    ]);
    const s = signalsOf(git);
    expect(s.monthsSinceLastHumanCommit?.value).toBe(37);
    expect(s.commitsLast12Months?.value).toBe(0);
    expect(s.activeMaintainers?.value).toBe(0);
    expect(s.topAuthorShare?.value).toBeNull();
  });

  it.each([
    ["steady", monthly("2026-05-15T00:00:00Z", 24, 0), 1],
    [
      "halved",
      [...monthly("2026-05-15T00:00:00Z", 6, 0), ...monthly("2025-05-15T00:00:00Z", 12, 1)],
      0.5,
    ],
    ["nothing before", monthly("2026-05-15T00:00:00Z", 3, 0), null],
  ] as const)("commit trend: %s", (_, commits, trend) => {
    expect(signalsOf(gitEvidence([...commits])).commitTrend?.value).toBe(trend);
  });

  it("counts active committers from the policy's minimum and the top author's share", () => {
    const commits = [
      ...monthly("2026-05-15T00:00:00Z", 6, 0),
      ...monthly("2026-05-10T00:00:00Z", 2, 1),
    ];
    const s = signalsOf(gitEvidence(commits));
    expect(s.activeMaintainers).toMatchObject({ value: 1, detail: { minCommits: 3 } });
    expect(s.topAuthorShare?.value).toBe(0.75);
  });

  it("reads tags and security fixes", () => {
    const t = (iso: string) => Date.parse(iso) / 1000;
    const git = gitEvidence([["2026-01-01T00:00:00Z", 0]], {
      tags: [
        { name: "v3", time: t("2026-02-01T00:00:00Z") },
        { name: "v2", time: t("2024-01-01T00:00:00Z") },
        { name: "v1", time: t("2020-01-01T00:00:00Z") },
      ],
      securityFixTimes: [t("2025-01-01T00:00:00Z"), t("2019-01-01T00:00:00Z")],
    });
    const s = signalsOf(git);
    expect(s.tagsPerYear?.value).toBe(0.7);
    expect(s.monthsSinceLastTag?.value).toBe(3);
    expect(s.securityFixCommits).toMatchObject({ value: 1, detail: { months: 60, allTime: 2 } });
    expect(signalsOf(gitEvidence([])).monthsSinceLastTag?.value).toBeNull();
  });

  it("is unknown, not zero, when git evidence is missing", () => {
    const s = computeSignals(
      inventoryPackage(),
      {},
      { ...statuses, git: "skipped: --no-git" },
      now,
    );
    expect(s.truckFactor).toMatchObject({ value: null, note: "unknown: git skipped: --no-git" });
  });
});

describe("commit classification", () => {
  it.each([
    ["dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com", true],
    ["renovate[bot]", "29139614+renovate[bot]@users.noreply.github.com", true],
    ["Renovate Bot", "bot@renovateapp.com", true],
    ["greenkeeper[bot]", "greenkeeper[bot]@users.noreply.github.com", true],
    ["github-actions", "41898282+github-actions[bot]@users.noreply.github.com", true],
    ["snyk-bot", "snyk-bot@snyk.io", true],
    ["Robert Botham", "rob@example.com", false],
    ["Ana", "ana@example.com", false],
  ])("isBot(%s, %s) = %s", (name, email, bot) => {
    expect(isBot(name, email)).toBe(bot);
  });

  it.each([
    ["fix: prevent prototype pollution in merge", "", true],
    ["Fix XSS in attribute values", "", true],
    ["fix: handle null", "Fixes CVE-2024-12345.", true],
    ["Merge pull request #12", "GHSA-jf85-cpcp-j695", true],
    ["docs: add SECURITY.md with the security policy", "", false],
    ["chore(ci): security scanning workflow", "", false],
    ["feat: add a cache", "", false],
  ])("isSecurityFix(%s) = %s", (subject, body, expected) => {
    expect(isSecurityFix(subject, body)).toBe(expected);
  });
});
