import { defineIssueSignal } from "./define-issue-signal.js";

export const securityPolicy = defineIssueSignal({
  id: "securityPolicy",
  needs: ["issues"],
  compute({ evidence: { issues } }) {
    if (issues.securityPolicy === null)
      return { value: null, note: "the repository's files could not be listed" };
    return { value: issues.securityPolicy };
  },
});
