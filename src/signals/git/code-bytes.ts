import { defineSignal } from "../define-signal.js";

export const codeBytes = defineSignal({
  id: "codeBytes",
  needs: ["git"],
  compute({ evidence: { git } }) {
    if (git.sourceBytes === undefined)
      return { value: null, note: "cached before jenga measured source files; run with --refresh" };
    // jenga's clones are blobless: sizes are known only when the host sent the file contents anyway.
    if (git.sourceBytes === null)
      return { value: null, note: "blobless clone: file sizes need the file contents" };
    return { value: git.sourceBytes, detail: { sourceFiles: git.sourceFiles ?? 0 } };
  },
});
