import type { UsageEvidence } from "../../collectors/usage/types.js";
import type { InventoryPackage } from "../../inventory/types.js";
import type { Computed } from "../define-signal.js";
import type { UsageSignalId } from "./catalog-entries.js";

/**
 * The usage signals' own shape: structurally a `Signal<"usage">` once
 * EvidenceSet has a `usage` field, typed here so that this folder builds on
 * its own.
 */
export interface UsageSignal {
  id: UsageSignalId;
  needs: readonly "usage"[];
  compute(input: {
    evidence: { usage: UsageEvidence };
    pkg: InventoryPackage;
    now: Date;
  }): Computed;
}

export const defineUsageSignal = (signal: UsageSignal): UsageSignal => signal;
