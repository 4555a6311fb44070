import type { AdvisoryEvidence } from "../../collectors/advisories/types.js";
import { defineSignal } from "../define-signal.js";

export const advisoriesTotal = defineSignal({
  id: "advisoriesTotal",
  needs: ["advisories"],
  compute({ evidence: { advisories } }) {
    return { value: advisories.advisories.length, note: `from ${providersAnswered(advisories)}` };
  },
});

/**
 * The providers that answered, in order (`registry-bulk + osv-api`); the
 * registry's bulk answer alone lists only advisories on the installed versions.
 */
function providersAnswered(evidence: AdvisoryEvidence): string {
  const answered = (evidence.providers ?? [])
    .filter((p) => p.status === "ok")
    .map((p) => p.provider);
  const names = answered.length > 0 ? answered : [evidence.source];
  const onlyRegistry = names.length === 1 && names[0] === "registry-bulk";
  return `${names.join(" + ")}${onlyRegistry ? " (only advisories affecting the installed versions)" : ""}`;
}
