import type { NoticeKind } from "../../collectors/issues/types.js";
import { defineIssueSignal } from "./define-issue-signal.js";

/** When a README says several things, the strongest wins: a call for help is weaker than "deprecated". */
const strength: readonly NoticeKind[] = [
  "deprecated",
  "archived",
  "unmaintained",
  "looking-for-maintainers",
];

export const maintenanceNotice = defineIssueSignal({
  id: "maintenanceNotice",
  needs: ["issues"],
  compute({ evidence: { issues } }) {
    if (issues.readmeNotices === null) return { value: null, note: "the README could not be read" };
    const notice = strength
      .map((kind) => issues.readmeNotices?.find((n) => n.kind === kind))
      .find((n) => n !== undefined);
    if (!notice) return { value: "none" };
    return { value: notice.kind, note: notice.text, detail: { where: notice.where } };
  },
});
