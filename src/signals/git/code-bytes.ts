import { defineSignal } from "../define-signal.js";

export const codeBytes = defineSignal({
  id: "codeBytes",
  needs: ["git"],
  compute({ evidence: { git } }) {
    if (git.sourceBytes === undefined)
      return { value: null, note: "cached before jenga measured source files; run with --refresh" };
    // The clone step fetches HEAD's source files; without them (a failed or skipped fetch) no size.
    if (git.sourceBytes === null) return { value: null, note: contentsNote(git.sourceNote) };
    return { value: git.sourceBytes, detail: { sourceFiles: git.sourceFiles ?? 0 } };
  },
});

/** Why a blobless clone lacks the source files' contents. */
export function contentsNote(why: string | undefined): string {
  return `blobless clone: ${why ?? "the source files' contents are not in the clone"}`;
}
