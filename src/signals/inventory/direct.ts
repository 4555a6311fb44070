import { defineSignal } from "../define-signal.js";

export const direct = defineSignal({
  id: "direct",
  needs: [],
  compute({ pkg }) {
    return pkg.direct
      ? { value: true }
      : { value: false, note: `brought in by ${pkg.via.join(", ")}` };
  },
});
