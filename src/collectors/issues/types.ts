/**
 * Issue-tracker evidence for one GitHub repository, reduced to what the
 * signals read. Everything here came from strangers (titles are not even
 * kept); times are ISO strings as GitHub sends them.
 */

/** An issue (never a pull request) opened inside the window. */
export interface IssueRecord {
  number: number;
  createdAt: string;
  closedAt: string | null;
  /** A label names a bug, defect, crash or regression. */
  bug: boolean;
  /** Label names, lower case (absent in evidence cached before labels were kept). */
  labels?: string[];
  /**
   * The first comment by a person other than the author (bots left out):
   * a time, null when none yet, absent when the issue was not sampled.
   */
  firstResponseAt?: string | null;
}

export interface PullRecord {
  createdAt: string;
  mergedAt: string | null;
  /** Opened by someone who is not an owner, member or collaborator of the repository. */
  outside: boolean;
}

export type NoticeKind = "unmaintained" | "deprecated" | "archived" | "looking-for-maintainers";

export interface ReadmeNotice {
  kind: NoticeKind;
  where: "heading" | "paragraph" | "badge";
  /** The words that matched, whitespace collapsed, capped in length. */
  text: string;
}

export interface OpenIssues {
  /** Open issues (pull requests excluded), or null when the list was cut and no count could be derived. */
  count: number | null;
  /** Bug-labelled issues among the open ones read. */
  bugs: number;
  /** Opening times of the open issues read, oldest first. */
  createdAt: string[];
  /** False when the page cap cut the list: `createdAt` then holds the oldest ones only. */
  complete: boolean;
}

export interface IssuesEvidence {
  /** `https://github.com/owner/repo` */
  repository: string;
  archived: boolean;
  /** False when the repository has its issue tracker turned off. */
  hasIssues: boolean;
  /** The start of the window asked for (two years before the fetch). */
  windowStart: string;
  /** From when the lists below are complete: windowStart, or later when the page cap cut them. */
  coveredSince: string;
  issues: IssueRecord[];
  /** Pull requests opened inside the window. */
  pulls: PullRecord[];
  open: OpenIssues;
  /** SECURITY.md at the root or in .github/; null when unknown. */
  securityPolicy: boolean | null;
  /** .github/FUNDING.yml (or at the root); null when unknown. */
  fundingFile: boolean | null;
  /** Notices found in the README; null when it could not be read, [] when there are none. */
  readmeNotices: ReadmeNotice[] | null;
  /** API requests this evidence cost. */
  requests: number;
  /**
   * For a package in a monorepo: the label its issues are tagged with, when the
   * issue lists were narrowed to it; "repository" when no label names the
   * package and the whole repository's issues stand in. Absent for a single-package repository.
   */
  scope?: string;
}
