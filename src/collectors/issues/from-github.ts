/**
 * The pure twin of the GitHub fetch: REST answers (already JSON-parsed) in,
 * checked facts out. Every field is from strangers and checked before use;
 * a value of the wrong shape makes the answer malformed rather than guessed.
 */
import type { IssueRecord, PullRecord } from "./types.js";

/** An item of `GET /repos/{o}/{r}/issues`: an issue, or a pull request when it has `pull_request`. */
export interface IssueItem {
  number: number;
  createdAt: string;
  closedAt: string | null;
  author: string;
  authorIsBot: boolean;
  association: string;
  bug: boolean;
  /** Label names, lower case, bounded: monorepos tag issues by package with them. */
  labels: string[];
  comments: number;
  /** Present for pull requests: when it was merged, or null. */
  pull: { mergedAt: string | null } | null;
}

export interface RepoFacts {
  archived: boolean;
  hasIssues: boolean;
  /** Issues and pull requests together, as GitHub counts them. */
  openIssuesAndPulls: number | null;
}

/** Enough labels to find a package tag among them; a strange issue with hundreds is capped. */
const MAX_LABELS = 10;
const MAX_LABEL_LENGTH = 50;

/** Labels GitHub projects use for defects: `bug`, `type: bug`, `kind/crash`, `regression`... */
const BUG_LABEL = /\b(bugs?|defects?|crash(es)?|regressions?)\b/i;
/** ...but not the triage verdicts that say the opposite. */
const NOT_A_BUG = /\b(not[\s_-]+a[\s_-]+bug|no[\s_-]+bug|non[\s_-]?bug)\b/i;
/** Members of the project: their pull requests are the team's own work, not outside contributions. */
const INSIDE_ASSOCIATIONS: ReadonlySet<string> = new Set(["OWNER", "MEMBER", "COLLABORATOR"]);

export function repoFacts(json: unknown): RepoFacts | null {
  const repo = record(json);
  if (!repo || typeof repo.archived !== "boolean") return null;
  return {
    archived: repo.archived,
    hasIssues: repo.has_issues !== false,
    openIssuesAndPulls: count(repo.open_issues_count),
  };
}

/** One page of the issues list, or null when it is not one. */
export function issueItems(json: unknown): IssueItem[] | null {
  if (!Array.isArray(json)) return null;
  const items: IssueItem[] = [];
  for (const value of json) {
    const item = issueItem(value);
    if (!item) return null;
    items.push(item);
  }
  return items;
}

function issueItem(value: unknown): IssueItem | null {
  const item = record(value);
  if (!item) return null;
  const number = count(item.number);
  const createdAt = time(item.created_at);
  const closedAt =
    item.closed_at === null || item.closed_at === undefined ? null : time(item.closed_at);
  if (number === null || !createdAt || closedAt === undefined) return null;
  const user = record(item.user);
  const author = typeof user?.login === "string" ? user.login : "";
  const pull = record(item.pull_request);
  return {
    number,
    createdAt,
    closedAt,
    author,
    authorIsBot: isBot(user),
    association: typeof item.author_association === "string" ? item.author_association : "NONE",
    bug: labelNames(item.labels).some((name) => BUG_LABEL.test(name) && !NOT_A_BUG.test(name)),
    labels: labelNames(item.labels)
      .slice(0, MAX_LABELS)
      .map((name) => name.toLowerCase().slice(0, MAX_LABEL_LENGTH)),
    comments: count(item.comments) ?? 0,
    pull: pull ? { mergedAt: time(pull.merged_at) ?? null } : null,
  };
}

export function toIssueRecord(item: IssueItem): IssueRecord {
  return {
    number: item.number,
    createdAt: item.createdAt,
    closedAt: item.closedAt,
    bug: item.bug,
    labels: item.labels,
  };
}

export function toPullRecord(item: IssueItem): PullRecord {
  return {
    createdAt: item.createdAt,
    mergedAt: item.pull?.mergedAt ?? null,
    outside: !INSIDE_ASSOCIATIONS.has(item.association) && !item.authorIsBot,
  };
}

/**
 * The time of the first comment by a person other than the issue's author,
 * null when there is none on this page (comments come oldest first), or
 * undefined when the answer is not a list of comments.
 */
export function firstHumanResponse(json: unknown, author: string): string | null | undefined {
  if (!Array.isArray(json)) return undefined;
  let first: string | null = null;
  for (const value of json) {
    const comment = record(value);
    const createdAt = time(comment?.created_at);
    if (!comment || !createdAt) return undefined;
    const user = record(comment.user);
    const login = typeof user?.login === "string" ? user.login : "";
    if (isBot(user) || login === "" || login.toLowerCase() === author.toLowerCase()) continue;
    if (first === null || Date.parse(createdAt) < Date.parse(first)) first = createdAt;
  }
  return first;
}

/** Whether a contents listing (`GET /repos/{o}/{r}/contents/{dir}`) holds a file of one of these names. */
export function listingHas(json: unknown, names: readonly string[]): boolean | undefined {
  if (!Array.isArray(json)) return undefined;
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  return json.some((entry) => {
    const e = record(entry);
    return e?.type === "file" && typeof e.name === "string" && wanted.has(e.name.toLowerCase());
  });
}

/** The page number of a `rel="last"` link: with `per_page=1`, the number of items. */
export function lastPage(link: string | undefined): number | null {
  if (!link) return null;
  try {
    const page = new URL(link).searchParams.get("page");
    return page && /^\d{1,9}$/.test(page) ? Number(page) : null;
  } catch {
    return null;
  }
}

/** GitHub marks apps as `type: "Bot"`; their logins end in `[bot]`. */
function isBot(user: Record<string, unknown> | null): boolean {
  if (!user) return false;
  return user.type === "Bot" || (typeof user.login === "string" && user.login.endsWith("[bot]"));
}

function labelNames(labels: unknown): string[] {
  if (!Array.isArray(labels)) return [];
  return labels.flatMap((label) => {
    if (typeof label === "string") return [label];
    const name = record(label)?.name;
    return typeof name === "string" ? [name] : [];
  });
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function count(value: unknown): number | null {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : null;
}

/** An ISO time, undefined when the value is not one. */
function time(value: unknown): string | undefined {
  return typeof value === "string" && !Number.isNaN(Date.parse(value)) ? value : undefined;
}
