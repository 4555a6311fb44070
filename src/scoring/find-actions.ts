import type { SignalSet } from "../signals/compute-signals.js";
import { pushAll } from "../util/extremes.js";
import { findAdvisoryActions } from "./advisories/find-advisory-actions.js";
import { findGitActions } from "./find-git-actions.js";
import { findIssueActions } from "./issues/find-issue-actions.js";
import { formatBytes } from "./messages.js";
import type { Policy } from "./policy.js";
import type { Finding } from "./reason.js";
import { bool, list, note, num } from "./signal-values.js";
import { findUsageActions } from "./usage/find-usage-actions.js";

/**
 * The findings that push toward an action. Each is one named fact with its
 * value and threshold; the action score is the sum of their points.
 */
export function findActionFindings(signals: SignalSet, policy: Policy): Finding[] {
  const { points, registry: limits } = policy;
  const found: Finding[] = [];
  const add = (f: Omit<Finding, "points"> & { points: number }) => found.push(f);

  if (bool(signals, "deprecated")) {
    add({
      signal: "deprecated",
      code: "deprecated",
      args: { message: note(signals, "deprecated") },
      action: "sunset",
      points: points.deprecated,
    });
  }
  const deprecatedInstalled = list(signals, "installedDeprecated");
  if (deprecatedInstalled.length > 0 && bool(signals, "deprecated") === false) {
    const args = {
      versions: deprecatedInstalled.join(", "),
      message: note(signals, "installedDeprecated"),
    };
    add({
      signal: "installedDeprecated",
      code: "installedDeprecated",
      args,
      action: "fix",
      points: points.installedDeprecated,
    });
  }
  // Only a direct dependency's major is the user's to choose; a transitive one is pinned by its parent.
  const behind = bool(signals, "direct") ? num(signals, "majorsBehind") : null;
  if (behind !== null && behind > 0) {
    const { installed = "?", latest = "?" } = signals.majorsBehind?.detail ?? {};
    const args = {
      behind,
      installed,
      latest,
      threshold: `${Math.ceil(policy.thresholds.fix / points.perMajorBehind)} behind`,
    };
    add({
      signal: "majorsBehind",
      code: "majorsBehind",
      args,
      action: "fix",
      points: behind * points.perMajorBehind,
    });
  }

  const size = num(signals, "unpackedSize");
  const maintainerCount = num(signals, "maintainers");
  const quietMonths = num(signals, "monthsSinceLastPublish", true);
  const isTiny = size !== null && size < limits.tinyBytes;
  if (
    maintainerCount !== null &&
    maintainerCount <= limits.soleMaintainerCount &&
    maintainerCount > 0
  ) {
    add({
      signal: "maintainers",
      code: "soleMaintainer",
      args: {},
      action: "adopt",
      points: points.soleMaintainer,
    });
  }
  // Silence counts toward adoption only for packages big enough not to be simply finished.
  if (quietMonths !== null && quietMonths >= limits.quietMonths && !isTiny) {
    const args = { months: quietMonths, threshold: `${limits.quietMonths} months` };
    add({
      signal: "monthsSinceLastPublish",
      code: "quiet",
      args,
      action: "adopt",
      points: points.quiet,
    });
  }
  const dependents = num(signals, "dependents") ?? 0;
  if (dependents >= limits.widelyDependedBy) {
    const args = { dependents, threshold: limits.widelyDependedBy };
    add({
      signal: "dependents",
      code: "widelyDepended",
      args,
      action: "adopt",
      points: points.widelyDepended,
    });
  }
  if (size !== null && size >= limits.nonTrivialBytes) {
    const args = { size: formatBytes(size), threshold: formatBytes(limits.nonTrivialBytes) };
    add({
      signal: "unpackedSize",
      code: "nonTrivialSize",
      args,
      action: "adopt",
      points: points.nonTrivialSize,
    });
  }
  if (isTiny && size !== null) {
    const args = { size: formatBytes(size), threshold: formatBytes(limits.tinyBytes) };
    add({
      signal: "unpackedSize",
      code: "tinyPackage",
      args,
      action: "rewrite",
      points: points.tinyPackage,
    });
    const scripts = list(signals, "installScripts");
    if (scripts.length > 0) {
      const scriptArgs = { size: formatBytes(size), scripts: scripts.join(", ") };
      add({
        signal: "installScripts",
        code: "tinyWithInstallScript",
        args: scriptArgs,
        action: "rewrite",
        points: points.tinyWithInstallScript,
      });
    }
  }
  pushAll(found, findGitActions(signals, policy));
  pushAll(found, findAdvisoryActions(signals, policy.advisories));
  pushAll(found, findIssueActions(signals, policy.issues));
  pushAll(found, findUsageActions(signals, policy.usage));
  return countEachFactOnce(found);
}

/**
 * Different sources see the same fact: no release and no commit are one
 * silence; one publisher and a truck factor of one are one bus factor. Each
 * such fact counts once, at its strongest, so that silence alone can never
 * add up to "adopt" by being measured twice.
 */
const sameFact: readonly (readonly string[])[] = [
  ["quiet", "gitAbandoned"],
  ["soleMaintainer", "busFactorOne"],
];

export function countEachFactOnce(findings: Finding[]): Finding[] {
  const drop = new Set<Finding>();
  for (const codes of sameFact) {
    const group = findings.filter((f) => f.action !== null && codes.includes(f.code));
    const strongest = group.reduce<Finding | null>(
      (best, f) => (!best || f.points > best.points ? f : best),
      null,
    );
    for (const f of group) if (f !== strongest) drop.add(f);
  }
  return findings.filter((f) => !drop.has(f));
}
