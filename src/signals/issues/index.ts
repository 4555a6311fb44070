import { archived } from "./archived.js";
import { bugShare } from "./bug-share.js";
import { firstResponseDays } from "./first-response-days.js";
import { fundingFile } from "./funding-file.js";
import { issueInflow } from "./issue-inflow.js";
import { issuesPerMonth } from "./issues-per-month.js";
import { openIssueAgeDays } from "./open-issue-age-days.js";
import { openIssues } from "./open-issues.js";
import { outsidePrsMerged } from "./outside-prs-merged.js";
import { securityPolicy } from "./security-policy.js";
import { timeToCloseDays } from "./time-to-close-days.js";

/** The issue-tracker signals in report order; spread into allSignals in ../index.ts. */
export const issueSignals = [
  archived,
  openIssues,
  openIssueAgeDays,
  firstResponseDays,
  timeToCloseDays,
  issuesPerMonth,
  issueInflow,
  bugShare,
  outsidePrsMerged,
  securityPolicy,
  fundingFile,
] as const;
