import { defineSignal } from "../define-signal.js";

/** Per 1,000 lines: small enough a unit that a tiny package's one advisory still reads as a rate. */
const linesPerUnit = 1000;

export const advisoriesPerKloc = defineSignal({
  id: "advisoriesPerKloc",
  needs: ["advisories", "git"],
  compute({ evidence: { advisories, git } }) {
    const lines = git.sourceLines;
    if (typeof lines !== "number" || lines <= 0) {
      return { value: null, note: git.sourceNote ?? "lines of code at HEAD unknown" };
    }
    const rate = advisories.advisories.length / (lines / linesPerUnit);
    return {
      value: Math.round(rate * 100) / 100,
      detail: { advisories: advisories.advisories.length, lines },
    };
  },
});
