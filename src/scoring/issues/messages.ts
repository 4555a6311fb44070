/**
 * The issue-tracker findings' words (spread into `messages` in ../messages.ts).
 * Each names the value and the threshold it crossed.
 */
type Args = Record<string, string | number>;

export const issueMessages = {
  repoArchived: (a: Args) =>
    `its repository ${a.repository} is archived: nothing will be fixed upstream`,
  readmeUnmaintained: (a: Args) =>
    `its README says it is ${a.kind}: "${a.text}"${a.from ? ` (read from ${a.from})` : ""}`,
  readmeLookingForMaintainers: (a: Args) =>
    `its README asks for new maintainers: "${a.text}"${a.from ? ` (read from ${a.from})` : ""}`,
  reportsPilingUp: (a: Args) =>
    `${a.open} open issues and ${a.stillOpen} of the ${a.opened} opened in ${a.months} months still open, with ${a.unanswered} of ${a.sampled} recent issues unanswered (median first response ${a.days} days; absent from ${a.threshold} days): reports are piling up`,
  slowResponses: (a: Args) =>
    `a first response takes a median ${a.days} days (slow from ${a.threshold}), but issues are answered and closed: fund or send the fix you need`,
  issuesQuietFinished: (a: Args) =>
    `few reports (${a.perMonth} a month) and no open bug: likely finished rather than abandoned`,
} as const satisfies Record<string, (args: Args) => string>;

export type IssueMessageCode = keyof typeof issueMessages;
