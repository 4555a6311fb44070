import { describe, expect, it } from "vitest";
import { issueMessages } from "../../src/scoring/issues/messages.js";
import { defaultPolicy } from "../../src/scoring/policy.js";
import { runRules } from "../../src/scoring/run-rules.js";
import type { SignalSet } from "../../src/signals/compute-signals.js";
import { now } from "../helpers/evidence.js";
import { ruleFindings } from "../helpers/rules.js";
import { issueSignalSet, issuesAgo, widgetIssues } from "./issues-evidence.js";

const findIssueActions = (signals: SignalSet) =>
  ruleFindings(signals).filter((f) => f.action !== null);
const issueHealthFindings = (signals: SignalSet) =>
  ruleFindings(signals).filter((f) => f.action === null);
const find = (extra: Parameters<typeof widgetIssues>[0]) =>
  findIssueActions(issueSignalSet(widgetIssues(extra)));
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
const words = (f: ReturnType<typeof find>[number]) => issueMessages[f.code](f.args);

describe("issue-tracker findings", () => {
  it("a healthy, answered tracker with an open bug: nothing to say", () => {
    expect(find({})).toEqual([]);
  });

  it("archived: sunset, and nothing else", () => {
    const found = find({
      archived: true,
      readmeNotices: [{ kind: "looking-for-maintainers", where: "heading", text: "Help wanted" }],
    });
    expect(found).toEqual([
      {
        signal: "archived",
        code: "repoArchived",
        args: { repository: "https://github.com/example/widget" },
        action: "sunset",
        points: 70,
      },
    ]);
    expect(words(found[0] as (typeof found)[number])).toBe(
      "its repository https://github.com/example/widget is archived: nothing will be fixed upstream",
    );
  });

  it("a README that says unmaintained or deprecated: sunset; looking for maintainers: adopt", () => {
    const gone = find({
      readmeNotices: [{ kind: "deprecated", where: "heading", text: "DEPRECATED" }],
    });
    expect(gone).toEqual([
      {
        signal: "maintenanceNotice",
        code: "readmeUnmaintained",
        args: { kind: "deprecated", text: "DEPRECATED", from: "GitHub" },
        action: "sunset",
        points: 55,
      },
    ]);
    expect(words(gone[0] as (typeof gone)[number])).toBe(
      'its README says it is deprecated: "DEPRECATED" (read from GitHub)',
    );
    const help = find({
      readmeNotices: [
        { kind: "looking-for-maintainers", where: "paragraph", text: "Maintainers wanted" },
      ],
    });
    expect(help).toEqual([
      {
        signal: "maintenanceNotice",
        code: "readmeLookingForMaintainers",
        args: { text: "Maintainers wanted", from: "GitHub" },
        action: "adopt",
        points: 50,
      },
    ]);
  });

  it("reports piling up with nobody answering: adopt", () => {
    // 10 issues in the window, 8 still open; 3 of the 4 sampled never answered.
    const issues = issuesAgo(1, [400, 300, 200, 150, 120, 100, 90, 80, 60, 30], (i) => ({
      closedAt: i < 2 ? "2026-01-01T00:00:00Z" : null,
      ...(i >= 6 ? { firstResponseAt: i === 6 ? "2026-03-10T00:00:00Z" : null } : {}),
    }));
    const found = find({
      issues,
      open: { count: 40, bugs: 5, createdAt: ["2025-01-01T00:00:00Z"], complete: true },
    });
    expect(found).toEqual([
      {
        signal: "firstResponseDays",
        code: "reportsPilingUp",
        args: {
          open: 40,
          stillOpen: 8,
          opened: 10,
          months: 24,
          unanswered: 3,
          sampled: 4,
          days: 45,
          threshold: 60,
        },
        action: "adopt",
        points: 35,
      },
    ]);
    expect(words(found[0] as (typeof found)[number])).toContain("reports are piling up");
  });

  it("slow but alive: fix (fund a fix)", () => {
    // Every sampled issue answered, after 20 to 30 days; issues get closed.
    const ages = [200, 150, 100];
    const waits = [20, 25, 30];
    const issues = issuesAgo(1, ages, (i) => ({
      closedAt: "2026-05-01T00:00:00Z",
      firstResponseAt: daysAgo((ages[i] ?? 0) - (waits[i] ?? 0)),
    }));
    const found = find({ issues });
    expect(found).toEqual([
      {
        signal: "firstResponseDays",
        code: "slowResponses",
        args: { days: 25, threshold: 14 },
        action: "fix",
        points: 20,
      },
    ]);
  });

  it("a quiet tracker with few reports and no open bug: finished, no points", () => {
    const quiet = issueSignalSet(
      widgetIssues({
        issues: issuesAgo(1, [500, 200], () => ({ closedAt: "2026-01-01T00:00:00Z" })),
        open: { count: 1, bugs: 0, createdAt: ["2023-01-01T00:00:00Z"], complete: true },
      }),
    );
    expect(findIssueActions(quiet)).toEqual([]);
    const found = issueHealthFindings(quiet);
    expect(found).toEqual([
      {
        signal: "issuesPerMonth",
        code: "issuesQuietFinished",
        args: { perMonth: 0.1 },
        action: null,
        points: 0,
      },
    ]);
    expect(words(found[0] as (typeof found)[number])).toBe(
      "few reports (0.1 a month) and no open bug: likely finished rather than abandoned",
    );
    // An open bug, even one older than the window, means it is not finished.
    const withBug = issueSignalSet(
      widgetIssues({
        issues: issuesAgo(1, [500, 200], () => ({ closedAt: "2026-01-01T00:00:00Z" })),
        open: { count: 1, bugs: 1, createdAt: ["2023-01-01T00:00:00Z"], complete: true },
      }),
    );
    expect(issueHealthFindings(withBug)).toEqual([]);
  });

  it("health: each action finding costs its penalty", () => {
    const archived = runRules(issueSignalSet(widgetIssues({ archived: true })), defaultPolicy);
    expect(archived.results.map((r) => [r.rule.id, r.healthCost])).toEqual([["repoArchived", 40]]);
  });

  it("unknown signals give no findings", () => {
    expect(findIssueActions({})).toEqual([]);
  });
});
