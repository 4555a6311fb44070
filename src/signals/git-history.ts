import type { GitEvidence, GitFileAuthorship } from "../collectors/git/types.js";
import { maxOf } from "../util/extremes.js";
import { monthMs } from "./time.js";

/** Pure helpers over GitEvidence shared by the git signals. Times in GitEvidence are Unix seconds. */

export interface HumanCommit {
  /** Milliseconds since the epoch. */
  time: number;
  author: number;
}

/** Commits by people, newest first: bots say nothing about maintenance. */
export function humanCommits(git: GitEvidence): HumanCommit[] {
  const result: HumanCommit[] = [];
  git.commitTimes.forEach((seconds, i) => {
    const author = git.commitAuthors[i] ?? -1;
    if (git.authors[author]?.bot === false) result.push({ time: seconds * 1000, author });
  });
  return result;
}

/** Commits in the `months` before `now` (inclusive of now, exclusive of the window's start). */
export function commitsWithin(
  commits: HumanCommit[],
  now: Date,
  fromMonthsAgo: number,
  toMonthsAgo = 0,
): HumanCommit[] {
  const start = now.getTime() - fromMonthsAgo * monthMs;
  const end = now.getTime() - toMonthsAgo * monthMs;
  return commits.filter((c) => c.time > start && c.time <= end);
}

/** Avelino et al. 2016, "A novel approach for estimating truck factors", ICPC: degree-of-authorship weights. */
const doa = { base: 3.293, firstAuthorship: 1.098, deliveries: 0.164, acceptances: 0.321 };
/** An author of a file has a normalised DOA above this and an absolute DOA of at least `doa.base`. */
const authorNormalisedDoa = 0.75;
/** The truck factor is reached when more than this share of files is orphaned. */
const orphanedShare = 0.5;

export function degreeOfAuthorship(firstAuthor: boolean, deliveries: number, others: number) {
  return (
    doa.base +
    doa.firstAuthorship * (firstAuthor ? 1 : 0) +
    doa.deliveries * deliveries -
    doa.acceptances * Math.log(1 + others)
  );
}

/** The authors of one file by degree of authorship. */
export function fileAuthors(file: GitFileAuthorship): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i + 1 < file.changes.length; i += 2)
    pairs.push([file.changes[i] as number, file.changes[i + 1] as number]);
  const total = pairs.reduce((sum, [, n]) => sum + n, 0);
  const scored = pairs.map(([author, n]) => ({
    author,
    value: degreeOfAuthorship(file.creator === author, n, total - n),
  }));
  const max = maxOf(scored.map((s) => s.value));
  return scored
    .filter((s) => s.value >= doa.base && s.value / max > authorNormalisedDoa)
    .map((s) => s.author);
}

/**
 * The smallest number of people who, leaving, orphan more than half of the
 * files: greedily remove the author of the most files until that happens.
 * Null when there are no files to judge.
 */
export function truckFactor(files: GitFileAuthorship[]): number | null {
  if (files.length === 0) return null;
  const authorsByFile = files.map((f) => new Set(fileAuthors(f)));
  const removed = new Set<number>();
  const orphaned = () =>
    authorsByFile.filter((authors) => [...authors].every((a) => removed.has(a))).length;
  let factor = 0;
  while (orphaned() <= files.length * orphanedShare) {
    const counts = new Map<number, number>();
    for (const authors of authorsByFile)
      for (const a of authors) if (!removed.has(a)) counts.set(a, (counts.get(a) ?? 0) + 1);
    // Most files first; ties go to the lower index so the result is deterministic.
    let top: number | null = null;
    for (const [a, n] of counts)
      if (top === null || n > (counts.get(top) ?? 0) || (n === counts.get(top) && a < top)) top = a;
    if (top === null) break;
    removed.add(top);
    factor++;
  }
  return factor;
}

/**
 * Series signals cover at most ten years: longer than most packages' active
 * life, and a package's series stays at 120 points (about 5 KB of JSON), so a
 * result with thousands of packages stays readable.
 */
export const seriesMonths = 120;

/** One calendar month (UTC) of activity: human commits, and the distinct people who made them. */
export type MonthActivity = { month: string; count: number; authors: number };

/** `2024-01` for a time in milliseconds, in UTC so a series does not depend on where jenga runs. */
export function monthOf(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** The `count` calendar months ending with `now`'s, oldest first. */
export function monthsUpTo(now: Date, count: number): string[] {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  return Array.from({ length: count }, (_, i) =>
    monthOf(Date.UTC(year, month - (count - 1 - i), 1)),
  );
}

/** Whole calendar months from `from`'s to `now`'s, both included (at least 1). */
export function monthsSpanned(from: number, now: Date): number {
  const start = new Date(from);
  return Math.max(
    1,
    (now.getUTCFullYear() - start.getUTCFullYear()) * 12 +
      now.getUTCMonth() -
      start.getUTCMonth() +
      1,
  );
}

/**
 * Human commits and distinct human authors per month, every month from the
 * first human commit (or `maxMonths` ago, whichever is later) to `now`'s,
 * empty months included so a chart's gaps are real. Commits dated after now
 * (a wrong clock) are left out.
 */
export function monthlyActivity(
  commits: readonly HumanCommit[],
  now: Date,
  maxMonths: number,
): { series: MonthActivity[]; totalMonths: number } {
  const past = commits.filter((c) => c.time <= now.getTime());
  const first = past[past.length - 1];
  if (!first) return { series: [], totalMonths: 0 };
  const totalMonths = monthsSpanned(first.time, now);
  const months = monthsUpTo(now, Math.min(totalMonths, maxMonths));
  const byMonth = new Map(months.map((m) => [m, { count: 0, authors: new Set<number>() }]));
  for (const c of past) {
    const slot = byMonth.get(monthOf(c.time));
    if (!slot) continue;
    slot.count++;
    slot.authors.add(c.author);
  }
  const series = months.map((month) => {
    const slot = byMonth.get(month);
    return { month, count: slot?.count ?? 0, authors: slot?.authors.size ?? 0 };
  });
  return { series, totalMonths };
}

/**
 * CHAOSS's "contributor absence factor" (bus factor): the fewest people who
 * together made more than half of the commits (two people at 50/50 are two). Computed on a recent window by
 * the caller, so a founder who left years ago does not hide today's team.
 * Null with no commits.
 */
export function busFactorOf(commitAuthors: readonly number[]): number | null {
  if (commitAuthors.length === 0) return null;
  const counts = new Map<number, number>();
  for (const a of commitAuthors) counts.set(a, (counts.get(a) ?? 0) + 1);
  const sorted = [...counts.values()].sort((a, b) => b - a);
  let covered = 0;
  let people = 0;
  for (const n of sorted) {
    covered += n;
    people++;
    if (covered * 2 > commitAuthors.length) break;
  }
  return people;
}
