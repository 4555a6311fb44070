import { describe, expect, it } from "vitest";
import { issueSignalSet, issuesAgo, widgetIssues } from "./issues-evidence.js";

describe("issue-tracker signals", () => {
  const s = issueSignalSet(widgetIssues());

  it("rates and shares over the two-year window", () => {
    // 5 issues in 24 months; 3 of them still open.
    expect(s.issuesPerMonth).toEqual({
      value: 0.2,
      unit: "count",
      trusted: true,
      detail: { opened: 5, stillOpen: 3, months: 24 },
    });
    // "type: bug" and "bug" count; "not a bug" and "question" do not.
    expect(s.bugShare).toEqual({
      value: 0.4,
      unit: "ratio",
      trusted: true,
      detail: { bugs: 2, openBugs: 1, issues: 5 },
    });
  });

  it("the open backlog and its age", () => {
    expect(s.openIssues).toEqual({
      value: 3,
      unit: "count",
      trusted: true,
      detail: { bugsRead: 1 },
    });
    // Ages 516, 120 and 3.6 days: the median is 120.
    expect(s.openIssueAgeDays).toEqual({
      value: 120,
      unit: "days",
      trusted: true,
      detail: { read: 3, oldest: 516 },
    });
  });

  it("responsiveness: first response, time to close, outside pull requests", () => {
    // 3 days (#10), 120 days and counting (#9, unanswered), 10 days (#6): median 10.
    expect(s.firstResponseDays).toEqual({
      value: 10,
      unit: "days",
      trusted: true,
      detail: { sampled: 3, unanswered: 1 },
    });
    // 10 days (#10) and 30 days (#7).
    expect(s.timeToCloseDays).toEqual({
      value: 20,
      unit: "days",
      trusted: true,
      detail: { closed: 2, opened: 5 },
    });
    expect(s.outsidePrsMerged).toEqual({
      value: 1,
      unit: "count",
      trusted: true,
      detail: { outsidePrs: 1, medianDaysToMerge: 2 },
    });
  });

  it("repository facts", () => {
    expect(s.archived).toEqual({
      value: false,
      unit: "boolean",
      trusted: true,
      note: "https://github.com/example/widget",
    });
    expect(s.securityPolicy).toEqual({ value: true, unit: "boolean", trusted: true });
    expect(s.fundingFile).toEqual({ value: true, unit: "boolean", trusted: true });
    expect(s.maintenanceNotice).toEqual({
      value: "none",
      unit: "text",
      trusted: true,
      detail: { from: "GitHub" },
    });
  });

  it("the strongest README notice wins, quoted", () => {
    const notices = issueSignalSet(
      widgetIssues({
        readmeNotices: [
          { kind: "looking-for-maintainers", where: "paragraph", text: "Looking for maintainers" },
          { kind: "unmaintained", where: "badge", text: "maintenance: no" },
        ],
      }),
    );
    expect(notices.maintenanceNotice).toEqual({
      value: "unmaintained",
      unit: "text",
      trusted: true,
      note: "maintenance: no",
      detail: { where: "badge", from: "GitHub" },
    });
  });

  it("unknowns say why", () => {
    const unknown = issueSignalSet(
      widgetIssues({
        readmeNotices: null,
        securityPolicy: null,
        fundingFile: null,
        open: { count: null, bugs: 0, createdAt: [], complete: false },
        issues: [],
        pulls: [],
      }),
    );
    expect(unknown.maintenanceNotice.value).toBeNull();
    expect(unknown.securityPolicy.note).toBe("the repository's files could not be listed");
    expect(unknown.fundingFile.value).toBeNull();
    expect(unknown.openIssues.value).toBeNull();
    expect(unknown.openIssueAgeDays.note).toBe("no open issue");
    expect(unknown.firstResponseDays.note).toBe("no issue old enough to sample");
    expect(unknown.timeToCloseDays.value).toBeNull();
    expect(unknown.bugShare.value).toBeNull();
    expect(unknown.issuesPerMonth.value).toBe(0);
    expect(unknown.outsidePrsMerged).toMatchObject({ value: 0, detail: { outsidePrs: 0 } });
    const disabled = issueSignalSet(widgetIssues({ hasIssues: false }));
    expect(disabled.issuesPerMonth.note).toBe("the repository has its issue tracker turned off");
    expect(disabled.openIssues.value).toBeNull();
    expect(disabled.outsidePrsMerged.value).toBeNull();
  });

  it("a cut list: the rate over the months covered, the backlog age untrusted", () => {
    const cut = issueSignalSet(
      widgetIssues({
        coveredSince: "2026-05-01T00:00:00.000Z",
        issues: issuesAgo(100, [1, 2, 3, 4, 5, 6]),
        open: { count: 900, bugs: 0, createdAt: ["2020-06-01T00:00:00Z"], complete: false },
      }),
    );
    // 6 issues in the 31 days covered (1.02 months).
    expect(cut.issuesPerMonth.value).toBe(5.9);
    expect(cut.openIssues).toMatchObject({
      value: 900,
      note: "counted from the repository's totals",
    });
    expect(cut.openIssueAgeDays).toMatchObject({
      value: 2191,
      trusted: false,
      note: "the oldest 1 open issues only",
    });
  });
});
