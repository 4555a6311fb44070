import type { MessageCode } from "../scoring/messages.js";
import type { FunderCandidate, PackageResult } from "./types.js";

/**
 * Reasons that say the upstream needs help, not the user: a fix candidate is a
 * funding target only through one of these. Being behind, a fixed advisory the
 * user has not upgraded to, a misplaced declaration are the user's own upkeep.
 */
export const upstreamNeeds: ReadonlySet<MessageCode> = new Set<MessageCode>([
  "slowFixes",
  "slowResponses",
  "reportsPilingUp",
  "openAdvisoryUnfixed",
  "advisoriesNeglected",
]);

/** Usage classes that make a package nobody's funding target: the project does not use it. */
const notUsed = new Set(["unused", "dead-code-only"]);

/** Health used for ranking when it is unknown: an even chance, neither safe nor lost. */
const unknownHealth = 50;

/**
 * Pure: the funders' ranking. Adopt candidates first, then fix candidates whose
 * need is upstream's, each ordered by need = impact (dependents, direct use,
 * projects) × maintenance risk (100 − health) × how much of real code the
 * projects rest on (size and used fraction). Never unused packages; never an
 * item whose only reason is the user's own lag.
 */
export function rankFunders(packages: readonly PackageResult[]): FunderCandidate[] {
  const candidates = packages.filter((p) => {
    if (notUsed.has(String(p.signals.usageClass?.value))) return false;
    if (p.verdict === "adopt") return true;
    return (
      p.verdict === "fix" &&
      p.reasons.some((r) => r.action === "fix" && upstreamNeeds.has(r.code as MessageCode))
    );
  });
  return candidates
    .map((p) => {
      const risk = 100 - (p.health ?? unknownHealth);
      const need = Math.round(p.impact * risk * codeValue(p)) / 100;
      const why = p.reasons.find((r) => r.action === p.verdict)?.text ?? p.reasons[0]?.text ?? "";
      return {
        name: p.name,
        verdict: p.verdict as FunderCandidate["verdict"],
        impact: p.impact,
        health: p.health,
        need,
        why,
      };
    })
    .sort(
      (a, b) =>
        Number(b.verdict === "adopt") - Number(a.verdict === "adopt") ||
        b.need - a.need ||
        a.name.localeCompare(b.name),
    );
}

/**
 * 0.25–1: how much real code the projects rest on. Size: a tenth per doubling over 4 KB,
 * from the unpacked size or the clone's source bytes; halved when the projects reach only a
 * small part of it. Unknown sizes count in the middle.
 */
function codeValue(p: PackageResult): number {
  const bytes = numeric(p.signals.unpackedSize?.value) ?? numeric(p.signals.codeBytes?.value);
  const size =
    bytes === null
      ? 0.6
      : Math.min(1, Math.max(0.3, 0.3 + 0.1 * Math.log2(Math.max(1, bytes / 4096))));
  const used = numeric(p.signals.usedFraction?.value);
  return used === null ? size : size * (0.5 + 0.5 * Math.min(1, used));
}

function numeric(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
