import { describe, expect, it } from "vitest";
import { isBot } from "../../src/collectors/git/bots.js";
import { isSecurityFix } from "../../src/collectors/git/security-commit.js";
import { defaultPolicy } from "../../src/scoring/policy.js";
import { computeSignals } from "../../src/signals/compute-signals.js";
import { degreeOfAuthorship, fileAuthors, truckFactor } from "../../src/signals/git-history.js";
import { inventoryPackage, now } from "../helpers/evidence.js";
import { gitEvidence, monthly } from "../helpers/git-evidence.js";

const statuses = { registry: "ok", git: "ok", advisories: "-", issues: "-", usage: "-" };
const signalsOf = (git: ReturnType<typeof gitEvidence>) =>
  computeSignals(inventoryPackage(), { git }, statuses, now, defaultPolicy);

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

  it("charts commits and distinct people per month, bots out, empty months in", () => {
    const git = gitEvidence([
      ["2026-05-20T00:00:00Z", 2], // a bot
      ["2026-05-10T00:00:00Z", 0],
      ["2026-05-02T00:00:00Z", 1],
      ["2026-05-01T00:00:00Z", 0],
      ["2026-03-31T23:59:59Z", 1], // UTC decides the month
      ["2026-07-01T00:00:00Z", 0], // dated after now: a wrong clock, left out
    ]);
    const s = signalsOf(git);
    expect(s.commitsPerMonth).toMatchObject({
      unit: "series",
      value: [
        { month: "2026-03", count: 1, authors: 1 },
        { month: "2026-04", count: 0, authors: 0 },
        { month: "2026-05", count: 3, authors: 2 },
        { month: "2026-06", count: 0, authors: 0 },
      ],
      detail: { months: 4, totalMonths: 4 },
    });
    expect(s.commitsPerMonth?.note).toBeUndefined();
    expect(signalsOf(gitEvidence([["2026-05-20T00:00:00Z", 2]])).commitsPerMonth).toMatchObject({
      value: null,
      note: "no commits by people",
    });
  });

  it("keeps the last ten years of a longer history, and says so", () => {
    const git = gitEvidence([...monthly("2026-05-15T00:00:00Z", 200, 0)]);
    const series = signalsOf(git).commitsPerMonth;
    const value = series?.value as { month: string; count: number }[];
    expect(value).toHaveLength(120);
    expect(value[0]).toEqual({ month: "2016-07", count: 1, authors: 1 });
    expect(value[119]).toEqual({ month: "2026-06", count: 0, authors: 0 });
    expect(series?.note).toBe("last 120 of 201 months");
    // A ten-year series of one package stays small in the JSON result.
    expect(JSON.stringify(series).length).toBeLessThan(6000);
  });

  it("counts tags per month over the same ten years", () => {
    const t = (iso: string) => Date.parse(iso) / 1000;
    const git = gitEvidence([["2026-01-01T00:00:00Z", 0]], {
      tags: [
        { name: "next", time: t("2027-01-01T00:00:00Z") }, // dated after now
        { name: "v3.1", time: t("2026-02-20T00:00:00Z") },
        { name: "v3", time: t("2026-02-01T00:00:00Z") },
        { name: "v2", time: t("2024-01-01T00:00:00Z") },
        { name: "v0", time: t("2001-01-01T00:00:00Z") },
      ],
    });
    expect(signalsOf(git).releases).toMatchObject({
      unit: "series",
      value: [
        { month: "2024-01", count: 1 },
        { month: "2026-02", count: 2 },
      ],
      note: "tags of the last 120 months; 1 older",
      detail: { tags: 5, olderThanWindow: 1 },
    });
    expect(signalsOf(gitEvidence([])).releases).toMatchObject({ value: null, note: "no tags" });
  });

  it("counts source files and their size when the clone has them", () => {
    const base = gitEvidence([["2026-01-01T00:00:00Z", 0]], { fileCount: 9 });
    const full = signalsOf({ ...base, sourceFiles: 3, sourceBytes: 2048 });
    expect(full.sourceFiles).toMatchObject({ value: 3, unit: "count", detail: { files: 9 } });
    expect(full.codeBytes).toMatchObject({
      value: 2048,
      unit: "bytes",
      detail: { sourceFiles: 3 },
    });
    const blobless = signalsOf({ ...base, sourceFiles: 3, sourceBytes: null });
    expect(blobless.codeBytes?.value).toBeNull();
    expect(blobless.codeBytes?.note).toContain("blobless clone");
    // Evidence cached by an older jenga lacks both: unknown, with the way out.
    const old = signalsOf(base);
    expect(old.sourceFiles?.value).toBeNull();
    expect(old.sourceFiles?.note).toContain("--refresh");
    expect(old.codeBytes?.value).toBeNull();
  });

  it("counts lines of code when the contents were fetched, else says why not", () => {
    const base = gitEvidence([["2026-01-01T00:00:00Z", 0]], { fileCount: 9 });
    const known = signalsOf({ ...base, sourceFiles: 3, sourceBytes: 2048, sourceLines: 80 });
    expect(known.linesOfCode).toMatchObject({
      value: 80,
      unit: "count",
      detail: { sourceFiles: 3 },
    });
    const failed = signalsOf({
      ...base,
      sourceFiles: 3,
      sourceBytes: null,
      sourceLines: null,
      sourceNote: "contents not fetched: timed out",
    });
    expect(failed.linesOfCode?.value).toBeNull();
    expect(failed.linesOfCode?.note).toBe("blobless clone: contents not fetched: timed out");
    expect(failed.codeBytes?.note).toBe("blobless clone: contents not fetched: timed out");
    expect(signalsOf(base).linesOfCode?.note).toContain("--refresh");
  });

  it("is unknown, not zero, when git evidence is missing", () => {
    const s = computeSignals(
      inventoryPackage(),
      {},
      { ...statuses, git: "skipped: --no-git" },
      now,
      defaultPolicy,
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
