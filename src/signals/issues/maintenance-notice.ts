import type { GitEvidence } from "../../collectors/git/types.js";
import type { IssuesEvidence, NoticeKind, ReadmeNotice } from "../../collectors/issues/types.js";
import { type Computed, defineSignal } from "../define-signal.js";

/** When a README says several things, the strongest wins: a call for help is weaker than "deprecated". */
const strength: readonly NoticeKind[] = [
  "deprecated",
  "archived",
  "unmaintained",
  "looking-for-maintainers",
];

/**
 * The README's notice, from GitHub's rendered copy when the API answered, else from the
 * README in the clone at HEAD (read with the same patterns): a network that reaches only a
 * git mirror still hears the maintainers' own words.
 */
export const maintenanceNotice = defineSignal({
  id: "maintenanceNotice",
  needs: [],
  compute({ evidence }) {
    const { issues, git } = evidence as { issues?: IssuesEvidence; git?: GitEvidence };
    if (issues && issues.readmeNotices !== null) return noticeOf(issues.readmeNotices, "GitHub");
    if (git?.readme) return noticeOf(git.readme.notices, `${git.readme.path} in the clone at HEAD`);
    return {
      value: null,
      note: issues
        ? "the README could not be read"
        : "unknown: no README read (issue tracker and clone unavailable)",
    };
  },
});

function noticeOf(notices: readonly ReadmeNotice[], from: string): Computed {
  const notice = strength
    .map((kind) => notices.find((n) => n.kind === kind))
    .find((n) => n !== undefined);
  if (!notice) return { value: "none", detail: { from } };
  return { value: notice.kind, note: notice.text, detail: { where: notice.where, from } };
}
