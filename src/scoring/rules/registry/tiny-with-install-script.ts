import { list } from "../../signal-values.js";
import { defineRule } from "../define-rule.js";

export const tinyWithInstallScript = defineRule({
  id: "tinyWithInstallScript",
  feeds: "rewrite",
  signal: "installScripts",
  needs: ["installScripts"],
  points: (p) => p.points.tinyWithInstallScript,
  health: () => 0,
  doc: "A tiny package that runs code at install time is all risk and little value.",
  test: ({ facts, signals }) => {
    const scripts = list(signals, "installScripts");
    if (!facts.tiny || !facts.size || scripts.length === 0) return null;
    return { args: { size: facts.size.text, scripts: scripts.join(", ") } };
  },
});
