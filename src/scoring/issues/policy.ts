/**
 * Every number the issue-tracker findings use, with the reason for its
 * value. Meant to sit in the scoring policy as `issues`, beside
 * `advisories` (thresholds it is measured against: sunset 50, adopt 60, fix 50).
 */
export const issuePolicy = {
  points: {
    /**
     * An archived repository is read-only: its owners have stopped, as clearly
     * as a deprecation. Above the sunset threshold alone, a little under the
     * registry's deprecation (80), which names a successor more often.
     */
    archived: 70,
    /**
     * "Unmaintained" or "deprecated" at the top of the README: the maintainers'
     * own words, yet read by a pattern, so just above the threshold rather than
     * at the archived flag's certainty.
     */
    readmeUnmaintained: 55,
    /**
     * "Looking for maintainers" asks for exactly this action; short of the
     * adopt threshold alone so that it takes one more fact (wide use, one
     * maintainer) to make it your problem rather than anyone's.
     */
    lookingForMaintainers: 50,
    /**
     * Reports piling up unanswered: maintenance is at risk, as the git
     * "abandoned" finding (30), a little stronger because users are waiting.
     */
    reportsPilingUp: 35,
    /** Slow but answered: upstream is alive, a funded or sent fix will land. Supporting, not a verdict alone. */
    slowResponses: 20,
  },
  /**
   * Health lost to each finding (health starts at 100). The same order as the
   * points; archived costs as much as the registry's deprecation (60) less the
   * doubt that a successor exists.
   */
  healthPenalties: {
    repoArchived: 40,
    readmeUnmaintained: 30,
    readmeLookingForMaintainers: 15,
    reportsPilingUp: 15,
    // Slow answers alone are a nuisance, not a danger.
    slowResponses: 5,
  },
  /**
   * A first answer after two weeks is slow: CHAOSS and the Linux Foundation's
   * project health reports treat a first response within days as healthy,
   * and most active npm projects answer within a week.
   */
  slowResponseDays: 14,
  /** Two months without a first answer is no answer: most reporters have given up by then. */
  absentResponseDays: 60,
  /** Half the sampled issues never answered: silence is the norm, not the exception. */
  unansweredShare: 0.5,
  /** A backlog below ten issues is a to-do list, not a pile. */
  minBacklog: 10,
  /** Half the issues of the last two years still open: reports arrive faster than they end. */
  growingShare: 0.5,
  /** Fewer issues than this in the window make the still-open share noise. */
  minOpenedForGrowth: 6,
  /**
   * A finished package gets few reports: at most one every two months over
   * two years (12 issues), with no open bug and a handful of open issues.
   */
  quietPerMonth: 0.5,
  quietOpenMax: 5,
} as const;

export type IssuePolicy = typeof issuePolicy;
