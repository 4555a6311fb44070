import { defineSignal } from "../define-signal.js";

export const dependents = defineSignal({
  id: "dependents",
  needs: [],
  compute({ pkg }) {
    return {
      value: pkg.dependents,
      note: pkg.direct ? "direct dependency" : `via ${pkg.via.join(", ")}`,
    };
  },
});
