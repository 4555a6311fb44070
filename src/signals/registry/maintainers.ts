import { defineSignal } from "../define-signal.js";

export const maintainers = defineSignal({
  id: "maintainers",
  needs: ["registry"],
  compute({ evidence: { registry } }) {
    if (registry.maintainers === null) {
      return { value: null, trusted: false, note: "the registry omits maintainers" };
    }
    return { value: registry.maintainers.length };
  },
});
