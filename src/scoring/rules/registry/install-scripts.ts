import { list } from "../../signal-values.js";
import { defineRule } from "../define-rule.js";

export const installScripts = defineRule({
  id: "installScripts",
  feeds: "health",
  signal: "installScripts",
  needs: ["installScripts"],
  points: () => 0,
  health: (p) => p.healthPenalties.installScripts,
  doc: "Runs code at install time: a supply-chain risk every install takes.",
  test: ({ signals }) => {
    const scripts = list(signals, "installScripts");
    return scripts.length > 0 ? { args: { scripts: scripts.join(", ") } } : null;
  },
});
