import { defineSignal } from "../define-signal.js";
import { metadataStripped } from "../registry-versions.js";

export const installedDeprecated = defineSignal({
  id: "installedDeprecated",
  needs: ["registry"],
  compute({ evidence: { registry }, pkg }) {
    const versions = pkg.versions.filter((v) => registry.versions[v]?.deprecated);
    const first = versions[0];
    const note = first ? (registry.versions[first]?.deprecated ?? undefined) : undefined;
    const trusted = versions.length > 0 || !metadataStripped(registry);
    return { value: versions, trusted, ...(note ? { note } : {}) };
  },
});
