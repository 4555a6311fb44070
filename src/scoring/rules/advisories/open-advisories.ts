import type { SeverityBucket } from "../../../collectors/advisories/types.js";
import type { SignalSet } from "../../../signals/compute-signals.js";
import { list } from "../../signal-values.js";

/** OSV's MAL- records are malicious packages, not bugs: there is nothing to upgrade to or fix. */
export const maliciousPrefix = "MAL-";

export interface OpenAdvisories {
  installed: string;
  fixable: string[];
  unfixed: string[];
  upgrades: string;
  crossesMajor: number;
  severity: SeverityBucket;
}

/** The open advisories of the installed version, split as the rules read them; null when none. */
export function openAdvisories(signals: SignalSet): OpenAdvisories | null {
  const open = signals.openAdvisories;
  if (list(signals, "openAdvisories").length === 0 || !open?.detail) return null;
  const {
    installed = "?",
    fixable = "",
    unfixed = "",
    upgrades = "",
    crossesMajor = 0,
  } = open.detail;
  return {
    installed: String(installed),
    fixable: splitIds(String(fixable)),
    unfixed: splitIds(String(unfixed)),
    upgrades: String(upgrades),
    crossesMajor: Number(crossesMajor),
    severity: severityOf(signals.maxSeverity?.value),
  };
}

function splitIds(ids: string): string[] {
  return ids
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id !== "");
}

const buckets: readonly SeverityBucket[] = ["critical", "high", "medium", "low", "none", "unknown"];

function severityOf(value: unknown): SeverityBucket {
  return buckets.find((b) => b === value) ?? "unknown";
}
