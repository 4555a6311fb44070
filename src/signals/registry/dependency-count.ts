import { defineSignal } from "../define-signal.js";
import { newestInstalled } from "../registry-versions.js";

export const dependencyCount = defineSignal({
  id: "dependencyCount",
  needs: ["registry"],
  compute({ evidence: { registry }, pkg }) {
    const installed = newestInstalled(registry, pkg);
    return { value: installed ? installed.record.dependencyCount : null };
  },
});
