import type { SignalSet } from "../signals/compute-signals.js";
import { gitHealthFindings } from "./find-git-actions.js";
import { issueHealthFindings } from "./issues/find-issue-actions.js";
import { formatBytes } from "./messages.js";
import type { Policy } from "./policy.js";
import type { Finding } from "./reason.js";
import { bool, list, num } from "./signal-values.js";

/** Full health before any finding; findings only ever subtract. */
const perfectHealth = 100;

/**
 * Health (0-100, higher is healthier) from maintenance facts only: popularity
 * never makes a package healthy. Returns the score and the health findings
 * that explain it, including the reassuring ones.
 */
export function computeHealth(
  signals: SignalSet,
  policy: Policy,
): { health: number; findings: Finding[] } {
  const p = policy.healthPenalties;
  const limits = policy.registry;
  const findings: Finding[] = [];
  let health = perfectHealth;
  const penalize = (points: number, finding: Omit<Finding, "points" | "action">) => {
    health -= points;
    findings.push({ ...finding, action: null, points: -points });
  };

  if (bool(signals, "deprecated"))
    penalize(p.deprecated, {
      signal: "deprecated",
      code: "deprecated",
      args: { message: signals.deprecated?.note ?? "" },
    });
  const deprecatedInstalled = list(signals, "installedDeprecated");
  // When the whole package is deprecated, that penalty already covers the installed versions.
  if (deprecatedInstalled.length > 0 && !bool(signals, "deprecated")) {
    const args = {
      versions: deprecatedInstalled.join(", "),
      message: signals.installedDeprecated?.note ?? "",
    };
    penalize(p.installedDeprecated, {
      signal: "installedDeprecated",
      code: "installedDeprecated",
      args,
    });
  }
  const behind = num(signals, "majorsBehind") ?? 0;
  if (behind > 0) {
    const { installed = "?", latest = "?" } = signals.majorsBehind?.detail ?? {};
    const args = { behind, installed, latest, threshold: "1 behind" };
    penalize(Math.min(p.maxMajorsBehind, behind * p.perMajorBehind), {
      signal: "majorsBehind",
      code: "majorsBehind",
      args,
    });
  }

  const months = num(signals, "monthsSinceLastPublish", true);
  const size = num(signals, "unpackedSize");
  const tiny = size !== null && size < limits.tinyBytes;
  if (months !== null && months >= limits.quietMonths) {
    if (tiny && size !== null) {
      // Finished, not dead: a tiny quiet package costs no health by silence alone.
      findings.push({
        signal: "monthsSinceLastPublish",
        code: "finishedQuiet",
        args: { months, size: formatBytes(size) },
        action: null,
        points: 0,
      });
    } else {
      const long = months >= limits.longQuietMonths;
      const args = {
        months,
        threshold: `${long ? limits.longQuietMonths : limits.quietMonths} months`,
      };
      penalize(long ? p.longQuiet : p.quiet, {
        signal: "monthsSinceLastPublish",
        code: "quiet",
        args,
      });
    }
  } else if (months !== null) {
    findings.push({
      signal: "monthsSinceLastPublish",
      code: "recentPublish",
      args: { months },
      action: null,
      points: 0,
    });
  }

  const maintainers = num(signals, "maintainers");
  if (maintainers !== null && maintainers <= limits.soleMaintainerCount && maintainers > 0) {
    penalize(p.soleMaintainer, { signal: "maintainers", code: "soleMaintainer", args: {} });
  } else if (maintainers !== null && maintainers > limits.soleMaintainerCount) {
    findings.push({
      signal: "maintainers",
      code: "maintainerDepth",
      args: { count: maintainers },
      action: null,
      points: 0,
    });
  }
  if (
    signals.repository &&
    signals.repository.value === null &&
    !signals.repository.note?.startsWith("unknown")
  ) {
    penalize(p.noRepository, { signal: "repository", code: "noRepository", args: {} });
  }
  if (
    signals.license &&
    signals.license.value === null &&
    !signals.license.note?.startsWith("unknown")
  ) {
    penalize(p.noLicense, { signal: "license", code: "noLicense", args: {} });
  }
  const scripts = list(signals, "installScripts");
  if (scripts.length > 0)
    penalize(p.installScripts, {
      signal: "installScripts",
      code: "installScripts",
      args: { scripts: scripts.join(", ") },
    });

  const open = list(signals, "openAdvisories");
  if (open.length > 0) {
    const worst = String(signals.maxSeverity?.value ?? "unknown");
    const penalty =
      {
        critical: p.openAdvisoryCritical,
        high: p.openAdvisoryHigh,
        medium: p.openAdvisoryMedium,
        low: p.openAdvisoryLow,
      }[worst] ?? p.openAdvisoryMedium;
    const args = { count: open.length, ids: open.slice(0, 3).join(", "), severity: worst };
    penalize(penalty, { signal: "openAdvisories", code: "openAdvisoriesHealth", args });
  }
  for (const finding of [
    ...gitHealthFindings(signals, policy),
    ...issueHealthFindings(signals, policy.issues),
  ]) {
    health += finding.points;
    findings.push(finding);
  }

  return { health: Math.max(0, Math.min(perfectHealth, health)), findings };
}
