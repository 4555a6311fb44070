import type { GitEvidence } from "../../src/collectors/git/types.js";

/** Git evidence built by hand: `commits` as [ISO date, author index], newest first or not. */
export function gitEvidence(
  commits: [string, number][],
  extra: Partial<GitEvidence> = {},
): GitEvidence {
  const sorted = [...commits].sort((a, b) => Date.parse(b[0]) - Date.parse(a[0]));
  return {
    url: "https://example.test/acme/pkg",
    directory: null,
    head: "0".repeat(40),
    authors: [
      { name: "Ana", email: "ana@example.com", bot: false },
      { name: "Ben", email: "ben@example.com", bot: false },
      { name: "renovate[bot]", email: "bot@renovateapp.com", bot: true },
    ],
    commitTimes: sorted.map(([date]) => Date.parse(date) / 1000),
    commitAuthors: sorted.map(([, author]) => author),
    securityFixTimes: [],
    files: [{ creator: 0, changes: [0, 1] }],
    fileCount: 1,
    tags: [],
    ...extra,
  };
}

/** `count` commits by `author`, one a month going back from `from`. */
export function monthly(from: string, count: number, author: number): [string, number][] {
  const start = new Date(from);
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(start);
    d.setUTCMonth(d.getUTCMonth() - i);
    return [d.toISOString(), author];
  });
}
