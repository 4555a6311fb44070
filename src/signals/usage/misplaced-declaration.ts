import { defineUsageSignal } from "./define-usage-signal.js";

/** `packages/sdk`, or `the root` for "": the words a reason can use for a workspace folder. */
const folder = (dir: string) => (dir === "" ? "the root" : dir);

export const misplacedDeclaration = defineUsageSignal({
  id: "misplacedDeclaration",
  needs: ["usage"],
  compute({ evidence: { usage } }) {
    const misplaced = usage.misplaced;
    if (!misplaced) return { value: [] };
    const value = [
      ...misplaced.declaredNotUsed.map((dir) => `declared by ${folder(dir)}, which never uses it`),
      ...misplaced.usedNotDeclared.map(
        (dir) => `used by ${folder(dir)}, which does not declare it`,
      ),
    ];
    return {
      value,
      detail: {
        declaredNotUsed: misplaced.declaredNotUsed.map(folder).join(", "),
        usedNotDeclared: misplaced.usedNotDeclared.map(folder).join(", "),
      },
    };
  },
});
