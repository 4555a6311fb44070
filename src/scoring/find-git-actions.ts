import type { SignalSet } from "../signals/compute-signals.js";
import type { Policy } from "./policy.js";
import type { Finding } from "./reason.js";
import { num } from "./signal-values.js";

/**
 * Findings from git history. The distinction that matters is finished vs
 * abandoned: a long human silence counts against a package only when it is
 * too big to be simply done, or when security fixes show that
 * vulnerabilities keep being found in it.
 */

interface GitFacts {
  quietMonths: number | null;
  finished: boolean;
  fileCount: number | null;
  securityFixes: number;
}

function gitFacts(signals: SignalSet, policy: Policy): GitFacts {
  const g = policy.git;
  const quietMonths = num(signals, "monthsSinceLastHumanCommit");
  const fileCount = signals.monthsSinceLastHumanCommit?.detail?.fileCount;
  const files = typeof fileCount === "number" ? fileCount : null;
  const size = num(signals, "unpackedSize");
  const small =
    (size !== null && size < policy.registry.tinyBytes) ||
    (files !== null && files <= g.smallFileCount);
  const securityFixes = num(signals, "securityFixCommits") ?? 0;
  const quiet = quietMonths !== null && quietMonths >= g.abandonedMonths;
  return {
    quietMonths,
    finished: quiet && small && securityFixes === 0,
    fileCount: files,
    securityFixes,
  };
}

/** Findings that push toward an action (all toward adopt: git shows maintenance at risk). */
export function findGitActions(signals: SignalSet, policy: Policy): Finding[] {
  const g = policy.git;
  const found: Finding[] = [];
  const facts = gitFacts(signals, policy);
  if (facts.quietMonths !== null && facts.quietMonths >= g.abandonedMonths && !facts.finished) {
    found.push({
      signal: "monthsSinceLastHumanCommit",
      code: "gitAbandoned",
      args: { months: facts.quietMonths, threshold: `${g.abandonedMonths} months` },
      action: "adopt",
      points: policy.points.gitAbandoned,
    });
  }
  if (busFactorOne(signals, policy) && !facts.finished) {
    found.push({
      signal: "truckFactor",
      code: "busFactorOne",
      args: {},
      action: "adopt",
      points: policy.points.busFactorOne,
    });
  }
  const decline = declining(signals, policy);
  if (decline) {
    found.push({
      signal: "commitTrend",
      code: "decliningActivity",
      args: decline,
      action: "adopt",
      points: policy.points.decliningActivity,
    });
  }
  return found;
}

/** Health findings from git: the penalties of the action findings, and the reassuring facts. */
export function gitHealthFindings(signals: SignalSet, policy: Policy): Finding[] {
  const g = policy.git;
  const p = policy.healthPenalties;
  const facts = gitFacts(signals, policy);
  const findings: Finding[] = [];
  const fact = (f: Omit<Finding, "action">) => findings.push({ ...f, action: null });
  for (const f of findGitActions(signals, policy)) {
    const penalty = {
      gitAbandoned: p.gitAbandoned,
      busFactorOne: p.busFactorOne,
      decliningActivity: p.decliningActivity,
    }[f.code as "gitAbandoned" | "busFactorOne" | "decliningActivity"];
    fact({ signal: f.signal, code: f.code, args: f.args, points: -(penalty ?? 0) });
  }
  if (facts.finished && facts.quietMonths !== null) {
    // Finished, not dead: small, quiet and without security fixes costs no health.
    fact({
      signal: "monthsSinceLastHumanCommit",
      code: "finishedQuietGit",
      args: {
        months: facts.quietMonths,
        files: facts.fileCount ?? "?",
        lookback: `${g.securityLookbackMonths} months`,
      },
      points: 0,
    });
  } else if (facts.quietMonths !== null && facts.quietMonths < g.abandonedMonths) {
    fact({
      signal: "monthsSinceLastHumanCommit",
      code: "recentCommit",
      args: { months: facts.quietMonths },
      points: 0,
    });
  }
  const active = num(signals, "activeMaintainers");
  if (active !== null && active >= 2) {
    fact({
      signal: "activeMaintainers",
      code: "activeCommitters",
      args: { count: active, min: g.activeMaintainerCommits },
      points: 0,
    });
  }
  return findings;
}

function busFactorOne(signals: SignalSet, policy: Policy): boolean {
  const truck = num(signals, "truckFactor");
  // Zero means no single person authored most files (many hands, or bots): not a bus factor of one.
  return truck !== null && truck >= 1 && truck <= policy.git.busFactorOne;
}

function declining(signals: SignalSet, policy: Policy): Record<string, number | string> | null {
  const trend = num(signals, "commitTrend");
  const { last12Months, previous12Months } = signals.commitTrend?.detail ?? {};
  if (trend === null || typeof previous12Months !== "number") return null;
  if (trend > policy.git.decliningRatio || previous12Months < policy.git.decliningMinCommits)
    return null;
  return {
    last: last12Months ?? 0,
    previous: previous12Months,
    threshold: `${Math.round(policy.git.decliningRatio * 100)}%`,
  };
}
