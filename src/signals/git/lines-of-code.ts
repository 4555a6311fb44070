import { defineSignal } from "../define-signal.js";
import { contentsNote } from "./code-bytes.js";

export const linesOfCode = defineSignal({
  id: "linesOfCode",
  needs: ["git"],
  compute({ evidence: { git } }) {
    if (git.sourceLines === undefined)
      return { value: null, note: "cached before jenga counted lines; run with --refresh" };
    if (git.sourceLines === null) return { value: null, note: contentsNote(git.sourceNote) };
    return { value: git.sourceLines, detail: { sourceFiles: git.sourceFiles ?? 0 } };
  },
});
