import { defineSignal } from "../define-signal.js";

export const versionCount = defineSignal({
  id: "versionCount",
  needs: ["registry"],
  compute({ evidence: { registry } }) {
    return { value: Object.keys(registry.versions).length };
  },
});
