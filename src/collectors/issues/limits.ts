/**
 * The bounds on what one repository may cost. The worst case is
 * 1 (repository) + windowPages + openPages + 1 (open pull count)
 * + responseSample (comments) + 2 (contents listings) + 1 (README)
 * = 1 + 5 + 2 + 1 + 10 + 2 + 1 = 22 requests; a quiet repository costs about 8.
 */
export interface IssueLimits {
  /** The window for rates and medians. */
  windowYears: number;
  /** Pages of 100 issues and pull requests, newest first. */
  windowPages: number;
  /** Pages of 100 open issues, oldest first. */
  openPages: number;
  /** Issues whose comments are read for the time to a first response. */
  responseSample: number;
  /** An issue younger than this has not had a fair chance of an answer yet. */
  responseGraceDays: number;
}

export const defaultIssueLimits: IssueLimits = {
  // Two years: long enough for a slow repository to show a rate, short enough to be today's team.
  windowYears: 2,
  // 500 items cover two years of most packages; a busy project's rate is read from the months covered.
  windowPages: 5,
  // 200 open issues are enough to see a backlog's age; the count then comes from the repository.
  openPages: 2,
  // Ten comment threads give a usable median at a tenth of a token's hourly budget per 50 repositories.
  responseSample: 10,
  // Most active projects answer within a week (CHAOSS "time to first response" reports median in days).
  responseGraceDays: 7,
};

export const perRepositoryPerPage = 100;

export function maxRequestsPerRepository(limits: IssueLimits): number {
  const fixed = 1 + 1 + 2 + 1; // repository, open pull count, two contents listings, README
  return fixed + limits.windowPages + limits.openPages + limits.responseSample;
}
