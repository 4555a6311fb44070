import { defineRule } from "../define-rule.js";
import { sectionsOf, usageOf } from "./usage-class.js";

export const declaredNeverImported = defineRule({
  id: "declaredNeverImported",
  feeds: "sunset",
  signal: "usageClass",
  needs: ["usageClass"],
  decisive: true,
  points: (p) => p.usage.points.unused,
  health: () => 0,
  doc: "Declared but imported, run or configured nowhere, with no blind spot: remove it. This outranks every upgrade reason: an unused package is never fix.",
  test: ({ signals }) => {
    const usage = usageOf(signals);
    if (usage?.value !== "unused" || usage.detail.typesShippedBy) return null;
    return { args: { declaredAs: sectionsOf(usage.declaredAs) } };
  },
});
