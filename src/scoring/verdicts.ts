/** The five verdicts of DESIGN.md. `keep` is what remains when no action scores above its threshold. */
export type Verdict = "keep" | "fix" | "adopt" | "rewrite" | "sunset";
/** The four actions that have a score; `keep` has none. */
export type Action = Exclude<Verdict, "keep">;

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
} as const satisfies Record<Verdict, VerdictInfo>;

/** Order used when action scores tie, and in summaries: the most drastic first. */
export const actions: readonly Action[] = ["sunset", "adopt", "rewrite", "fix"];
export const verdictNames = Object.keys(verdicts) as Verdict[];
