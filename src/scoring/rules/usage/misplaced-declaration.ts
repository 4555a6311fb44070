import { defineRule } from "../define-rule.js";

export const misplacedDeclaration = defineRule({
  id: "misplacedDeclaration",
  feeds: "note",
  signal: "misplacedDeclaration",
  needs: ["misplacedDeclaration"],
  points: () => 0,
  health: () => 0,
  doc: "A workspace declares it without using it while a sibling uses it without declaring it: it works only while npm hoists it. A two-line edit of package.json: a note.",
  test: ({ signals }) => {
    const mismatch = signals.misplacedDeclaration;
    if (!Array.isArray(mismatch?.value) || mismatch.value.length === 0) return null;
    return {
      args: {
        declaredNotUsed: String(mismatch.detail?.declaredNotUsed ?? ""),
        usedNotDeclared: String(mismatch.detail?.usedNotDeclared ?? ""),
      },
    };
  },
});
