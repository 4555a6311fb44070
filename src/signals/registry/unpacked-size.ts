import { defineSignal } from "../define-signal.js";
import { newestInstalled } from "../registry-versions.js";

export const unpackedSize = defineSignal({
  id: "unpackedSize",
  needs: ["registry"],
  compute({ evidence: { registry }, pkg }) {
    return { value: newestInstalled(registry, pkg)?.record.unpackedSize ?? null };
  },
});
