import type { SignalResult } from "../../signals/define-signal.js";
import type { IssueSignalId } from "../../signals/issues/catalog-entries.js";
import type { Action } from "../verdicts.js";
import type { IssueMessageCode } from "./messages.js";
import type { IssuePolicy } from "./policy.js";

/** The issue signals a finding reads (a full SignalSet is one). */
export type IssueSignalSet = Partial<Record<IssueSignalId, SignalResult>>;

/** A Finding (../reason.ts) whose signal and code are the issue tracker's own. */
export interface IssueFinding {
  signal: IssueSignalId;
  code: IssueMessageCode;
  args: Record<string, string | number>;
  action: Action | null;
  points: number;
}

/**
 * The findings from the issue tracker. Pure: signals and the issue part of
 * the policy in, findings (data, worded later by the message module) out.
 * The distinction that matters is finished vs abandoned: a quiet tracker with
 * few reports and no open bug earns no points.
 */
export function findIssueActions(signals: IssueSignalSet, policy: IssuePolicy): IssueFinding[] {
  const stopped = stoppedFindings(signals, policy);
  // An archived or deprecated repository is past responsiveness: do not add noise to a sunset.
  if (stopped.some((f) => f.action === "sunset")) return stopped;
  return [...stopped, ...responsivenessFindings(signals, policy)];
}

function stoppedFindings(signals: IssueSignalSet, policy: IssuePolicy): IssueFinding[] {
  if (signals.archived?.value === true) {
    const repository = signals.archived.note ?? "";
    return [
      {
        signal: "archived",
        code: "repoArchived",
        args: { repository },
        action: "sunset",
        points: policy.points.archived,
      },
    ];
  }
  const notice = signals.maintenanceNotice;
  const text = notice?.note ?? "";
  if (
    notice?.value === "unmaintained" ||
    notice?.value === "deprecated" ||
    notice?.value === "archived"
  ) {
    const args = { kind: notice.value, text };
    return [
      {
        signal: "maintenanceNotice",
        code: "readmeUnmaintained",
        args,
        action: "sunset",
        points: policy.points.readmeUnmaintained,
      },
    ];
  }
  if (notice?.value === "looking-for-maintainers") {
    const points = policy.points.lookingForMaintainers;
    return [
      {
        signal: "maintenanceNotice",
        code: "readmeLookingForMaintainers",
        args: { text },
        action: "adopt",
        points,
      },
    ];
  }
  return [];
}

function responsivenessFindings(signals: IssueSignalSet, policy: IssuePolicy): IssueFinding[] {
  const open = num(signals, "openIssues");
  const days = num(signals, "firstResponseDays");
  const { sampled = 0, unanswered = 0 } = signals.firstResponseDays?.detail ?? {};
  const { opened = 0, stillOpen = 0, months = 0 } = signals.issuesPerMonth?.detail ?? {};
  const silent =
    (days !== null && days >= policy.absentResponseDays) ||
    (Number(sampled) > 0 && Number(unanswered) / Number(sampled) >= policy.unansweredShare);
  const growing =
    Number(opened) >= policy.minOpenedForGrowth &&
    Number(stillOpen) / Number(opened) >= policy.growingShare;
  if (open !== null && open >= policy.minBacklog && silent && growing) {
    const args = {
      open,
      stillOpen,
      opened,
      months,
      unanswered,
      sampled,
      days: days ?? "?",
      threshold: policy.absentResponseDays,
    };
    return [
      {
        signal: "firstResponseDays",
        code: "reportsPilingUp",
        args,
        action: "adopt",
        points: policy.points.reportsPilingUp,
      },
    ];
  }
  // Alive: most sampled issues got an answer, and issues do get closed.
  const alive = !silent && num(signals, "timeToCloseDays") !== null;
  if (days !== null && days >= policy.slowResponseDays && alive) {
    const args = { days, threshold: policy.slowResponseDays };
    return [
      {
        signal: "firstResponseDays",
        code: "slowResponses",
        args,
        action: "fix",
        points: policy.points.slowResponses,
      },
    ];
  }
  return [];
}

/**
 * Health findings from the issue tracker: each action finding's penalty, and
 * the reassuring fact that a quiet tracker with few reports and no open bug
 * is finished rather than dead (no points toward any action).
 */
export function issueHealthFindings(signals: IssueSignalSet, policy: IssuePolicy): IssueFinding[] {
  const penalties: IssueFinding[] = findIssueActions(signals, policy).map((f) => ({
    ...f,
    action: null,
    points: -(policy.healthPenalties[f.code as keyof IssuePolicy["healthPenalties"]] ?? 0),
  }));
  return penalties.length > 0 ? penalties : quietFindings(signals, policy);
}

function quietFindings(signals: IssueSignalSet, policy: IssuePolicy): IssueFinding[] {
  const open = num(signals, "openIssues");
  const perMonth = num(signals, "issuesPerMonth");
  // Open bugs from the open list itself: a bug older than the window still counts.
  const openBugs = signals.openIssues?.detail?.bugsRead ?? 0;
  if (
    perMonth !== null &&
    perMonth <= policy.quietPerMonth &&
    Number(openBugs) === 0 &&
    open !== null &&
    open <= policy.quietOpenMax
  ) {
    return [
      {
        signal: "issuesPerMonth",
        code: "issuesQuietFinished",
        args: { perMonth },
        action: null,
        points: 0,
      },
    ];
  }
  return [];
}

function num(signals: IssueSignalSet, id: IssueSignalId): number | null {
  const value = signals[id]?.value;
  return typeof value === "number" ? value : null;
}
