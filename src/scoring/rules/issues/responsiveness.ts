import type { SignalSet } from "../../../signals/compute-signals.js";
import type { IssuePolicy } from "../../issues/policy.js";
import { num } from "../../signal-values.js";

/** How the tracker answers: silent (no first response), growing (most new reports stay open). */
export function responsiveness(signals: SignalSet, policy: IssuePolicy) {
  const days = num(signals, "firstResponseDays");
  const { sampled = 0, unanswered = 0 } = signals.firstResponseDays?.detail ?? {};
  const { opened = 0, stillOpen = 0, months = 0 } = signals.issuesPerMonth?.detail ?? {};
  const silent =
    (days !== null && days >= policy.absentResponseDays) ||
    (Number(sampled) > 0 && Number(unanswered) / Number(sampled) >= policy.unansweredShare);
  const growing =
    Number(opened) >= policy.minOpenedForGrowth &&
    Number(stillOpen) / Number(opened) >= policy.growingShare;
  return { days, sampled, unanswered, opened, stillOpen, months, silent, growing };
}

/** Archived, or its README says it is over: past responsiveness, so those rules add no noise to a sunset. */
export function stopped(signals: SignalSet): boolean {
  const notice = signals.maintenanceNotice?.value;
  return (
    signals.archived?.value === true ||
    notice === "unmaintained" ||
    notice === "deprecated" ||
    notice === "archived"
  );
}
