import { defineRule } from "../define-rule.js";
import { usageOf } from "./usage-class.js";

/** What "used only …" says for each non-runtime class. */
const onlyUse: Record<string, string> = {
  "type-only": "for types",
  "test-only": "in tests",
  "config-only": "in tool config",
  "script-only": "by package.json scripts",
};

export const misplacedInDependencies = defineRule({
  id: "misplacedInDependencies",
  feeds: "note",
  signal: "usageClass",
  needs: ["usageClass"],
  points: () => 0,
  health: () => 0,
  doc: "Declared in dependencies but used only for types, tests, tool config or scripts: move it to devDependencies. Hygiene, a note, never a verdict.",
  test: ({ signals }) => {
    const usage = usageOf(signals);
    const use = usage ? onlyUse[usage.value] : undefined;
    if (!usage || !use || !usage.declaredAs.split(", ").includes("prod")) return null;
    return { args: { use, evidence: usage.note } };
  },
});
