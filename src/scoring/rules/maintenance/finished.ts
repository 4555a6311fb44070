import { defineRule } from "../define-rule.js";
import { silenceArgs } from "./silence.js";

export const finished = defineRule({
  id: "finished",
  feeds: "health",
  signal: "monthsSinceLastHumanCommit",
  needs: [],
  points: () => 0,
  health: () => 0,
  doc: "Quiet for two years but small (few source files or lines; tests, docs and config not counted), with no security fix in five years, no open advisory and no pile of open bugs: done, not dead. It costs no health.",
  test: ({ facts, signals, policy }) => {
    if (!facts.finished) return null;
    const files = signals.sourceFiles?.value;
    const lines = signals.linesOfCode?.value;
    const size =
      typeof files === "number"
        ? `${files} source file${files === 1 ? "" : "s"}${typeof lines === "number" ? `, ${lines} lines` : ""}`
        : (facts.size?.text ?? "small");
    return {
      args: {
        ...silenceArgs(facts),
        size,
        lookback: `${policy.git.securityLookbackMonths} months`,
      },
    };
  },
});
