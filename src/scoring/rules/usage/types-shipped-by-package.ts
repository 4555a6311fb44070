import { defineRule } from "../define-rule.js";
import { usageOf } from "./usage-class.js";

export const typesShippedByPackage = defineRule({
  id: "typesShippedByPackage",
  feeds: "sunset",
  signal: "usageClass",
  needs: ["usageClass"],
  decisive: true,
  points: (p) => p.usage.points.unused,
  health: () => 0,
  doc: "An @types package for a package that ships its own declarations, which TypeScript loads instead: never used.",
  test: ({ signals }) => {
    const usage = usageOf(signals);
    if (usage?.value !== "unused" || !usage.detail.typesShippedBy) return null;
    return { args: { typed: String(usage.detail.typesShippedBy) } };
  },
});
