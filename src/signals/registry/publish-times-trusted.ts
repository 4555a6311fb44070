import { defineSignal } from "../define-signal.js";
import { assessPublishTimes } from "../publish-times.js";

export const publishTimesTrusted = defineSignal({
  id: "publishTimesTrusted",
  needs: ["registry"],
  compute({ evidence: { registry }, now }) {
    const { trusted, why } = assessPublishTimes(registry, now);
    return { value: trusted, ...(why ? { note: why } : {}) };
  },
});
