import { defineSignal } from "../define-signal.js";
import { latestVersion } from "../registry-versions.js";

export const license = defineSignal({
  id: "license",
  needs: ["registry"],
  compute({ evidence: { registry } }) {
    const latest = latestVersion(registry);
    return {
      value: (latest ? registry.versions[latest]?.license : null) ?? registry.license ?? null,
    };
  },
});
