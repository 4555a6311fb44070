import type { IssuesEvidence } from "../../collectors/issues/types.js";
import type { InventoryPackage } from "../../inventory/types.js";
import type { Computed } from "../define-signal.js";
import type { IssueSignalId } from "./catalog-entries.js";

/**
 * The issue signals' own shape: structurally a `Signal<"issues">` once
 * EvidenceSet has an `issues` field, typed here so that this folder builds
 * on its own.
 */
export interface IssueSignal {
  id: IssueSignalId;
  needs: readonly "issues"[];
  compute(input: {
    evidence: { issues: IssuesEvidence };
    pkg: InventoryPackage;
    now: Date;
  }): Computed;
}

export const defineIssueSignal = (signal: IssueSignal): IssueSignal => signal;
