import type { SignalInfo } from "../catalog.js";

/**
 * The issue-tracker signals' entries of the signal catalog (spread into
 * signalCatalog in ../catalog.ts), documented here beside the signals.
 * Windows and samples are bounded: see src/collectors/issues/limits.ts.
 */
export const issueSignalCatalog = {
  issuesPerMonth: {
    title: "Issues opened per month",
    // A rate per month; the catalog's units have no "per-month", and the title says it.
    unit: "count",
    description:
      "Issues (pull requests left out) opened per month over the last two years, or over the months the capped list covers.",
    why: "How much attention a package asks for: a small package with a steady stream of reports is costly to keep.",
    remediation: "None by itself; read together with the backlog and the time to a first answer.",
  },
  issueInflow: {
    title: "Issue inflow",
    unit: "series",
    description:
      "Issues (pull requests left out) opened per calendar month (UTC) of the covered window, empty months included: `count` opened, `open` of those still open, and `closeDays`, the median days to close of those closed (absent when none was).",
    why: "Shows whether reports arrive steadily or in bursts, and whether the ones arriving now still get closed.",
    remediation: "None by itself; the report charts it on the package's page.",
  },
  bugShare: {
    title: "Bug share",
    unit: "ratio",
    description:
      "Share of the issues opened in the window that carry a bug, defect, crash or regression label.",
    why: "Reports that are mostly bugs, rather than questions or features, mean the code keeps breaking.",
    remediation: "When high on a small package, consider owning the code you use.",
  },
  openIssues: {
    title: "Open issues",
    unit: "count",
    description: "Issues open now (pull requests left out).",
    why: "A backlog that only grows means reports arrive faster than anyone handles them.",
    remediation: "Offer triage help, co-maintenance or funding.",
  },
  openIssueAgeDays: {
    title: "Open issue age",
    unit: "days",
    description:
      "Median age of the open issues, in days (from the oldest 200 when there are more).",
    why: "Old open issues are reports nobody is working on.",
    remediation: "Offer triage help, co-maintenance or funding.",
  },
  firstResponseDays: {
    title: "Time to first response",
    unit: "days",
    description:
      "Median days from an issue's opening to the first comment by someone other than its author (bots left out), over the ten newest issues at least a week old; an unanswered issue counts its age so far.",
    why: "A maintainer who answers is one you can work with; silence means reports, including security ones, go unread.",
    remediation:
      "When answers are slow, fund the maintainers' time; when absent, co-maintain or adopt.",
  },
  timeToCloseDays: {
    title: "Time to close",
    unit: "days",
    description: "Median days from opening to closing, over the window's issues that were closed.",
    why: "Shows whether reports end, and how fast, once they are answered.",
    remediation: "None by itself; read together with the backlog.",
  },
  outsidePrsMerged: {
    title: "Outside pull requests merged",
    unit: "count",
    description:
      "Pull requests opened in the window by people who are not owners, members or collaborators, and merged (the median days to merge is in the detail).",
    why: "A project that merges strangers' fixes is one you can fix yourself by sending a pull request.",
    remediation: "When none are merged, a fix must come from the maintainers: fund it, or fork.",
  },
  archived: {
    title: "Archived",
    unit: "boolean",
    description: "The repository is archived on GitHub: read-only, no issues, no pull requests.",
    why: "Its owners have stopped: nothing will be fixed upstream.",
    remediation: "Plan its removal: move to a maintained successor or fork it.",
  },
  securityPolicy: {
    title: "Security policy",
    unit: "boolean",
    description: "The repository has a SECURITY.md (at its root or in .github/).",
    why: "Says where to report a vulnerability privately; without one, reports land in public issues or nowhere.",
    remediation:
      "Suggest a security policy upstream (GitHub's private vulnerability reporting is one click).",
  },
  fundingFile: {
    title: "Funding file",
    unit: "boolean",
    description: "The repository has a FUNDING.yml (in .github/ or at its root).",
    why: "Tells funders where money reaches the maintainers.",
    remediation: "None; when you fund a fix, this is where to start.",
  },
  maintenanceNotice: {
    title: "README notice",
    unit: "text",
    description:
      'A notice in the README\'s first headings, paragraphs or badges: "deprecated", "archived", "unmaintained" (also "no longer maintained"), "looking-for-maintainers", or "none".',
    why: "The maintainers' own words on the project's future outweigh any inference from activity.",
    remediation:
      "Deprecated or unmaintained: plan a move; looking for maintainers: consider adopting it.",
  },
} as const satisfies Record<string, SignalInfo>;

export type IssueSignalId = keyof typeof issueSignalCatalog;
