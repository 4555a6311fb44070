import { defineIssueSignal } from "./define-issue-signal.js";

export const archived = defineIssueSignal({
  id: "archived",
  needs: ["issues"],
  compute({ evidence: { issues } }) {
    return { value: issues.archived, note: issues.repository };
  },
});
