import { defineSignal } from "../define-signal.js";
import { fixedVersions } from "./affects.js";

export const neverFixedShare = defineSignal({
  id: "neverFixedShare",
  needs: ["advisories"],
  compute({ evidence: { advisories } }) {
    const all = advisories.advisories;
    if (all.length === 0) return { value: null, note: "no advisories" };
    const neverFixed = all.filter((a) => fixedVersions(a.affected).length === 0);
    return {
      value: Math.round((neverFixed.length / all.length) * 100) / 100,
      detail: { neverFixed: neverFixed.length, total: all.length },
    };
  },
});
