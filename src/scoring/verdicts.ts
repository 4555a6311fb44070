/**
 * The verdicts of DESIGN.md. `keep` is what remains when no action reaches its
 * threshold and there is maintenance evidence to say so; `unknown` when there is not.
 */
export type Verdict = "keep" | "fix" | "adopt" | "rewrite" | "sunset" | "unknown";
/** The four actions that have a score; `keep` and `unknown` have none. */
export type Action = Exclude<Verdict, "keep" | "unknown">;

export interface VerdictInfo {
  title: string;
  meaning: string;
  /** What the user does about it. */
  remediation: string;
}

export const verdicts = {
  keep: {
    title: "Keep",
    meaning: "Healthy, nothing to do.",
    remediation: "Nothing. Re-run jenga regularly.",
  },
  fix: {
    title: "Fix",
    meaning: "Upstream is alive; act on a concrete problem.",
    remediation: "Upgrade, send a fix upstream, or fund one.",
  },
  adopt: {
    title: "Adopt",
    meaning: "Valuable and hard to replace, but its maintenance is at risk.",
    remediation: "Co-maintain, fund the maintainers, or take it over.",
  },
  rewrite: {
    title: "Rewrite",
    meaning: "Cheaper to own than to depend on.",
    remediation: "Inline the little you use, or use the platform.",
  },
  sunset: {
    title: "Sunset",
    meaning: "Plan its removal.",
    remediation: "Remove it or move to its successor.",
  },
  unknown: {
    title: "Unknown",
    meaning: "Not enough evidence to decide: no git history and no trustworthy publish times.",
    remediation:
      "Give jenga the missing sources (network to the git host, a registry that keeps publish times, a GITHUB_TOKEN), then run it again.",
  },
} as const satisfies Record<Verdict, VerdictInfo>;

/** Order used when action scores tie, and in summaries: the most drastic first. */
export const actions: readonly Action[] = ["sunset", "adopt", "rewrite", "fix"];
/**
 * Which action wins when several reach their thresholds. Removal and replacement outrank
 * upgrades (DESIGN.md): there is no point patching a package you are about to drop. A concrete
 * fix (a fixed advisory, a maintained line to move to) comes before adoption: it is the action
 * to take today, and adoption stays visible in its score and reasons.
 */
export const precedence: readonly Action[] = ["sunset", "rewrite", "fix", "adopt"];
export const verdictNames = Object.keys(verdicts) as Verdict[];
