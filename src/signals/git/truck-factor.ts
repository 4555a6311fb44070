import { defineSignal } from "../define-signal.js";
import { truckFactor as computeTruckFactor } from "../git-history.js";

export const truckFactor = defineSignal({
  id: "truckFactor",
  needs: ["git"],
  compute({ evidence: { git } }) {
    const value = computeTruckFactor(git.files);
    return value === null ? { value, note: "no files with a history" } : { value };
  },
});
