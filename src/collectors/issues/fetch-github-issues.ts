/**
 * Fetches one repository's issue-tracker evidence through a GitHubApi. The
 * parsing is in from-github.ts (the pure twin); this file only decides
 * which requests to make, within the bounds of limits.ts.
 */

import { pushAll } from "../../util/extremes.js";
import { findReadmeNotices } from "../shared/readme-notices.js";
import {
  firstHumanResponse,
  type IssueItem,
  issueItems,
  lastPage,
  listingHas,
  repoFacts,
  toIssueRecord,
  toPullRecord,
} from "./from-github.js";
import { type GitHubAnswer, type GitHubApi, htmlAccept } from "./github-client.js";
import type { GitHubRepository } from "./github-repository.js";
import { type IssueLimits, maxRequestsPerRepository, perRepositoryPerPage } from "./limits.js";
import type { IssueRecord, IssuesEvidence, OpenIssues } from "./types.js";

/**
 * What the API said about a repository, as the cache keeps it: the lists' facts, and the
 * README as GitHub rendered it (`read: false` when it could not be fetched). The notices
 * in it are found on every read (issuesFromAnswer), so a better notice finder needs no refresh.
 */
export type IssuesAnswer = Omit<IssuesEvidence, "readmeNotices"> & {
  readme: { read: false } | { read: true; html: string | null };
};

export type IssuesFetch = { ok: true; answer: IssuesAnswer } | { ok: false; status: string };

/** The notices sit at the top of a README; a rendered page past this is not kept. */
const maxReadmeChars = 512 * 1024;

/** The pure twin of the fetch: a cached or fresh answer to evidence. */
export function issuesFromAnswer(answer: IssuesAnswer): IssuesEvidence {
  const { readme, ...facts } = answer;
  return {
    ...facts,
    readmeNotices: !readme.read ? null : readme.html === null ? [] : findReadmeNotices(readme.html),
  };
}

const NOT_FOUND = 404;
const DAY_MS = 24 * 60 * 60 * 1000;
const YEAR_MS = 365.25 * DAY_MS;
const MALFORMED = "unavailable: malformed GitHub response";

/** A failed answer that ends the whole repository (a 404 on optional parts does not). */
class Stop extends Error {
  constructor(readonly status: string) {
    super(status);
  }
}

export async function fetchGitHubIssues(
  api: GitHubApi,
  repo: GitHubRepository,
  limits: IssueLimits,
  now: Date,
): Promise<IssuesFetch> {
  const low = api.reserve(maxRequestsPerRepository(limits));
  if (low) return { ok: false, status: low };
  let requests = 0;
  const get = async (path: string, accept?: string): Promise<GitHubAnswer> => {
    requests += 1;
    return api.get(path, accept);
  };
  try {
    return { ok: true, answer: await collect(get, repo, limits, now, () => requests) };
  } catch (error) {
    if (error instanceof Stop) return { ok: false, status: error.status };
    throw error;
  }
}

type Get = (path: string, accept?: string) => Promise<GitHubAnswer>;

async function collect(
  get: Get,
  repo: GitHubRepository,
  limits: IssueLimits,
  now: Date,
  requests: () => number,
): Promise<IssuesAnswer> {
  const base = `repos/${repo.owner}/${repo.name}`;
  const repoAnswer = await get(base);
  if (!repoAnswer.ok && repoAnswer.httpStatus === NOT_FOUND)
    throw new Stop("unavailable: repository not found (private, renamed or deleted)");
  const facts = repoFacts(json(required(repoAnswer)));
  if (!facts) throw new Stop(MALFORMED);
  const windowStart = new Date(now.getTime() - limits.windowYears * YEAR_MS).toISOString();
  const window = facts.hasIssues
    ? await windowItems(get, base, limits, windowStart)
    : { items: [], coveredSince: windowStart };
  const open = facts.hasIssues
    ? await openIssues(get, base, limits, facts.openIssuesAndPulls)
    : { count: 0, bugs: 0, createdAt: [], complete: true };
  const issues = await withResponses(get, base, window.items, limits, now);
  const [rootListing, githubListing] = [
    await optional(get(`${base}/contents/`)),
    await optional(get(`${base}/contents/.github`)),
  ];
  const readme = await optional(get(`${base}/readme`, htmlAccept));
  return {
    repository: repo.url,
    archived: facts.archived,
    hasIssues: facts.hasIssues,
    windowStart,
    coveredSince: window.coveredSince,
    issues,
    pulls: window.items.filter((i) => i.pull).map(toPullRecord),
    open,
    securityPolicy: presence(
      [rootListing, githubListing],
      ["SECURITY.md", "SECURITY.rst", "SECURITY.txt", "SECURITY"],
    ),
    fundingFile: presence([githubListing, rootListing], ["FUNDING.yml", "FUNDING.yaml"]),
    readme:
      readme === undefined
        ? { read: false }
        : { read: true, html: readme === null ? null : readme.text.slice(0, maxReadmeChars) },
    requests: requests(),
  };
}

/** Issues and pull requests opened since windowStart, newest first, up to the page cap. */
async function windowItems(
  get: Get,
  base: string,
  limits: IssueLimits,
  windowStart: string,
): Promise<{ items: IssueItem[]; coveredSince: string }> {
  const items: IssueItem[] = [];
  let next: string | undefined =
    `${base}/issues?state=all&sort=created&direction=desc&per_page=${perRepositoryPerPage}`;
  for (let page = 0; next && page < limits.windowPages; page++) {
    const answer = required(await get(next));
    const pageItems = issueItems(json(answer));
    if (!pageItems) throw new Stop(MALFORMED);
    pushAll(
      items,
      pageItems.filter((i) => ms(i.createdAt) >= ms(windowStart)),
    );
    const oldest = pageItems[pageItems.length - 1]?.createdAt;
    next = oldest !== undefined && ms(oldest) < ms(windowStart) ? undefined : answer.links.next;
  }
  // Cut by the page cap: the lists are complete only back to the oldest item read.
  const coveredSince = next ? (items[items.length - 1]?.createdAt ?? windowStart) : windowStart;
  return { items, coveredSince };
}

async function openIssues(
  get: Get,
  base: string,
  limits: IssueLimits,
  openIssuesAndPulls: number | null,
): Promise<OpenIssues> {
  const createdAt: string[] = [];
  let bugs = 0;
  let next: string | undefined =
    `${base}/issues?state=open&sort=created&direction=asc&per_page=${perRepositoryPerPage}`;
  for (let page = 0; next && page < limits.openPages; page++) {
    const answer = required(await get(next));
    const pageItems = issueItems(json(answer));
    if (!pageItems) throw new Stop(MALFORMED);
    const issues = pageItems.filter((i) => !i.pull);
    pushAll(
      createdAt,
      issues.map((i) => i.createdAt),
    );
    bugs += issues.filter((i) => i.bug).length;
    next = answer.links.next;
  }
  if (!next) return { count: createdAt.length, bugs, createdAt, complete: true };
  // GitHub's open_issues_count includes pull requests; with per_page=1 the last page number counts those.
  const pulls = await optional(get(`${base}/pulls?state=open&per_page=1`));
  const openPulls = pulls === undefined || pulls === null ? null : pullCount(pulls);
  const count =
    openIssuesAndPulls !== null && openPulls !== null
      ? Math.max(createdAt.length, openIssuesAndPulls - openPulls)
      : null;
  return { count, bugs, createdAt, complete: false };
}

function pullCount(answer: Extract<GitHubAnswer, { ok: true }>): number | null {
  const last = lastPage(answer.links.last);
  if (last !== null) return last;
  const list = json(answer);
  return Array.isArray(list) ? list.length : null;
}

/**
 * The time to a first answer, for the newest issues old enough to have had
 * one. An issue without comments needs no request: it has no answer (open)
 * or was closed silently (left out: who closed it is not in the list).
 */
async function withResponses(
  get: Get,
  base: string,
  items: IssueItem[],
  limits: IssueLimits,
  now: Date,
): Promise<IssueRecord[]> {
  const graceStart = now.getTime() - limits.responseGraceDays * DAY_MS;
  const sample = items
    .filter((i) => !i.pull && ms(i.createdAt) <= graceStart && !i.authorIsBot)
    .slice(0, limits.responseSample);
  const responses = new Map<number, string | null>();
  for (const issue of sample) {
    if (issue.comments === 0) {
      if (issue.closedAt === null) responses.set(issue.number, null);
      continue;
    }
    const answer = await optional(
      get(`${base}/issues/${issue.number}/comments?per_page=${perRepositoryPerPage}`),
    );
    const first = answer ? firstHumanResponse(json(answer), issue.author) : undefined;
    // A thread where only the author and bots spoke is unanswered while open; closed, it is unknown.
    if (first !== undefined && (first !== null || issue.closedAt === null))
      responses.set(issue.number, first);
  }
  return items
    .filter((i) => !i.pull)
    .map((i) => {
      const record = toIssueRecord(i);
      return responses.has(i.number)
        ? { ...record, firstResponseAt: responses.get(i.number) ?? null }
        : record;
    });
}

/** File presence from the listings read; unknown only when no listing could be read. */
function presence(
  answers: (Extract<GitHubAnswer, { ok: true }> | null | undefined)[],
  names: readonly string[],
): boolean | null {
  let known = false;
  for (const answer of answers) {
    if (answer === null) {
      known = true; // a 404: the folder does not exist, so neither does the file in it
      continue;
    }
    if (answer === undefined) continue;
    const has = listingHas(json(answer), names);
    if (has) return true;
    if (has === false) known = true;
  }
  return known ? false : null;
}

function required(answer: GitHubAnswer): Extract<GitHubAnswer, { ok: true }> {
  if (!answer.ok) throw new Stop(answer.status);
  return answer;
}

/**
 * An optional part: the answer, null on 404, undefined on any other failure.
 * A rate limit still ends the repository: a half-read one must not be cached
 * as if it were whole.
 */
async function optional(
  pending: Promise<GitHubAnswer>,
): Promise<Extract<GitHubAnswer, { ok: true }> | null | undefined> {
  const answer = await pending;
  if (answer.ok) return answer;
  if (answer.rateLimited) throw new Stop(answer.status);
  return answer.httpStatus === NOT_FOUND ? null : undefined;
}

function json(answer: Extract<GitHubAnswer, { ok: true }>): unknown {
  try {
    return JSON.parse(answer.text);
  } catch {
    return undefined;
  }
}

function ms(time: string): number {
  return Date.parse(time);
}
