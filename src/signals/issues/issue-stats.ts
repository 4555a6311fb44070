import type { IssueRecord, IssuesEvidence } from "../../collectors/issues/types.js";
import { dayMs } from "../time.js";

/** Shared arithmetic of the issue signals. */

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function daysBetween(from: string, to: string | number): number {
  const end = typeof to === "number" ? to : Date.parse(to);
  return Math.max(0, (end - Date.parse(from)) / dayMs);
}

/** One decimal: enough for rates and days without pretending to precision. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Issues opened inside the covered window and not in the future of `now`. */
export function windowIssues(issues: IssuesEvidence, now: Date): IssueRecord[] {
  const since = Date.parse(issues.coveredSince);
  return issues.issues.filter((i) => {
    const t = Date.parse(i.createdAt);
    return t >= since && t <= now.getTime();
  });
}

export const issuesDisabled = "the repository has its issue tracker turned off";
