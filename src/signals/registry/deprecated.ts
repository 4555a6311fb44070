import { defineSignal } from "../define-signal.js";
import { latestVersion, metadataStripped } from "../registry-versions.js";

export const deprecated = defineSignal({
  id: "deprecated",
  needs: ["registry"],
  compute({ evidence: { registry } }) {
    const latest = latestVersion(registry);
    const message = latest ? registry.versions[latest]?.deprecated : null;
    if (message) return { value: true, note: message };
    // A mirror that strips maintainers strips deprecation too: "false" would be a guess.
    if (metadataStripped(registry)) {
      return { value: false, trusted: false, note: "the registry omits deprecation data" };
    }
    return { value: false };
  },
});
