import { defineSignal } from "../define-signal.js";

export const sourceFiles = defineSignal({
  id: "sourceFiles",
  needs: ["git"],
  compute({ evidence: { git } }) {
    if (git.sourceFiles === undefined)
      return { value: null, note: "cached before jenga counted source files; run with --refresh" };
    return { value: git.sourceFiles, detail: { files: git.fileCount } };
  },
});
