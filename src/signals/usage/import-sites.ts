import { defineUsageSignal } from "./define-usage-signal.js";

export const importSites = defineUsageSignal({
  id: "importSites",
  needs: ["usage"],
  compute({ evidence: { usage } }) {
    const files = new Set(usage.sites.map((s) => s.file)).size;
    return { value: usage.sites.length, detail: { files } };
  },
});
