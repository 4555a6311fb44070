import type { SeverityBucket } from "../../collectors/advisories/types.js";
import type { SignalSet } from "../../signals/compute-signals.js";
import { formatBytes } from "../messages.js";
import type { Finding } from "../reason.js";
import { list, num } from "../signal-values.js";
import type { AdvisoryPolicy } from "./policy.js";

/**
 * The findings from advisory signals. Pure: signals and the advisory part of
 * the policy in, findings (data, worded later by the message module) out.
 */
export function findAdvisoryActions(signals: SignalSet, policy: AdvisoryPolicy): Finding[] {
  return [...openFindings(signals, policy), ...chronicFindings(signals, policy)];
}

function openFindings(signals: SignalSet, policy: AdvisoryPolicy): Finding[] {
  const open = signals.openAdvisories;
  if (list(signals, "openAdvisories").length === 0 || !open?.detail) return [];
  const {
    installed = "?",
    fixable = "",
    unfixed = "",
    upgrades = "",
    crossesMajor = 0,
  } = open.detail;
  const severity = severityOf(signals.maxSeverity?.value);
  const found: Finding[] = [];
  // OSV's MAL- records are malicious packages, not bugs: there is nothing to upgrade to or fix.
  const malicious = splitIds(`${fixable}, ${unfixed}`).filter((id) =>
    id.startsWith(maliciousPrefix),
  );
  if (malicious.length > 0) {
    found.push({
      signal: "openAdvisories",
      code: "maliciousPackage",
      args: { ids: malicious.join(", "), installed },
      action: "sunset",
      points: policy.points.malicious,
    });
  }
  const unfixedBugs = splitIds(String(unfixed))
    .filter((id) => !id.startsWith(maliciousPrefix))
    .join(", ");
  if (fixable !== "" && upgrades !== "") {
    found.push({
      signal: "openAdvisories",
      code: "openAdvisoryFixable",
      args: { ids: fixable, installed, upgrades, severity, crossesMajor },
      action: "fix",
      points: policy.points.fixableBySeverity[severity],
    });
  }
  if (unfixedBugs !== "") {
    found.push({
      signal: "openAdvisories",
      code: "openAdvisoryUnfixed",
      args: { ids: unfixedBugs, installed },
      action: "fix",
      points: policy.points.unfixedOpen,
    });
  }
  return found;
}

const maliciousPrefix = "MAL-";

function splitIds(ids: string): string[] {
  return ids
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id !== "");
}

function chronicFindings(signals: SignalSet, policy: AdvisoryPolicy): Finding[] {
  const found: Finding[] = [];
  const rate = num(signals, "advisoriesLast3Years");
  const size = num(signals, "unpackedSize");
  if (rate !== null && rate >= policy.chronicPerYear && size !== null && size < policy.smallBytes) {
    const years = signals.advisoriesLast3Years?.detail?.years ?? "?";
    found.push({
      signal: "advisoriesLast3Years",
      code: "chronicAdvisoriesSmall",
      args: {
        rate,
        years,
        size: formatBytes(size),
        threshold: policy.chronicPerYear,
        small: formatBytes(policy.smallBytes),
      },
      action: "rewrite",
      points: policy.points.chronicSmall,
    });
  }
  const total = num(signals, "advisoriesTotal");
  const share = num(signals, "neverFixedShare");
  if (
    total !== null &&
    share !== null &&
    total >= policy.minAdvisoriesForShare &&
    share >= policy.neglectedShare
  ) {
    found.push({
      signal: "neverFixedShare",
      code: "advisoriesNeglected",
      args: {
        share: Math.round(share * 100),
        total,
        threshold: Math.round(policy.neglectedShare * 100),
      },
      action: "adopt",
      points: policy.points.neglected,
    });
  }
  const days = num(signals, "timeToFix", true);
  if (days !== null && days >= policy.slowFixDays) {
    found.push({
      signal: "timeToFix",
      code: "slowFixes",
      args: { days, threshold: policy.slowFixDays },
      action: "adopt",
      points: policy.points.slowFixes,
    });
  }
  return found;
}

const buckets: readonly SeverityBucket[] = ["critical", "high", "medium", "low", "none", "unknown"];

function severityOf(value: unknown): SeverityBucket {
  return buckets.find((b) => b === value) ?? "unknown";
}
