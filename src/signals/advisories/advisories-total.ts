import { defineSignal } from "../define-signal.js";

export const advisoriesTotal = defineSignal({
  id: "advisoriesTotal",
  needs: ["advisories"],
  compute({ evidence: { advisories } }) {
    return { value: advisories.advisories.length, note: `from ${advisories.source}` };
  },
});
