import { defineIssueSignal } from "./define-issue-signal.js";

export const fundingFile = defineIssueSignal({
  id: "fundingFile",
  needs: ["issues"],
  compute({ evidence: { issues } }) {
    if (issues.fundingFile === null)
      return { value: null, note: "the repository's files could not be listed" };
    return { value: issues.fundingFile };
  },
});
