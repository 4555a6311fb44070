import type { SignalResult } from "../../signals/define-signal.js";
import type { UsageSignalId } from "../../signals/usage/catalog-entries.js";
import type { Action } from "../verdicts.js";
import type { UsageMessageCode } from "./messages.js";
import type { UsagePolicy } from "./policy.js";

/** A usage finding: structurally a `Finding` once the shared tables list the usage signals and messages. */
export interface UsageFinding {
  signal: UsageSignalId;
  code: UsageMessageCode;
  args: Record<string, string | number>;
  action: Action | null;
  points: number;
}

type UsageSignals = Partial<Record<UsageSignalId, SignalResult>>;

/** What "used only …" says for each non-runtime class. */
const onlyUse: Record<string, string> = {
  "type-only": "for types",
  "test-only": "in tests",
  "config-only": "in tool config",
  "script-only": "by package.json scripts",
};

/**
 * The findings from usage signals. Pure: signals and the usage part of the
 * policy in, findings (data, worded by the message module) out. An unknown
 * class adds no points: it only says why, and lowers confidence upstream.
 */
export function findUsageActions(signals: UsageSignals, policy: UsagePolicy): UsageFinding[] {
  const usage = signals.usageClass;
  if (!usage || typeof usage.value !== "string") return [];
  const detail = usage.detail ?? {};
  const declaredAs = String(detail.declaredAs ?? "");
  const found: UsageFinding[] = [];
  const add = (code: UsageMessageCode, action: Action | null, points: number, args = {}) =>
    found.push({ signal: "usageClass", code, args, action, points });
  switch (usage.value) {
    case "unused":
      add("declaredNeverImported", "sunset", policy.points.unused, {
        declaredAs: sectionsOf(declaredAs),
      });
      break;
    case "dead-code-only":
      add("deadCodeOnly", "sunset", policy.points.deadCodeOnly, {
        sites: String(detail.firstSite ?? ""),
      });
      break;
    case "unknown":
      add("usageUnknown", null, 0, { blindSpot: String(detail.blindSpot ?? "a blind spot") });
      break;
  }
  const use = onlyUse[usage.value];
  if (use && declaredAs.split(", ").includes("prod")) {
    add("misplacedInDependencies", "fix", policy.points.misplacedInDependencies, {
      use,
      evidence: usage.note ?? "",
    });
  }
  found.push(...replacementFindings(signals, policy), ...heavyUse(signals, policy));
  return found;
}

function replacementFindings(signals: UsageSignals, policy: UsagePolicy): UsageFinding[] {
  const replacements = signals.replacement;
  const kind = replacements?.detail?.kind;
  const used = signals.usageClass?.value;
  if (!Array.isArray(replacements?.value) || replacements.value.length === 0) return [];
  // An unused package is a sunset, not a rewrite: nothing to replace.
  if (used === "unused" || used === "unknown" || used === "undeclared") return [];
  const args = {
    replacements: (replacements.value as string[]).join(", "),
    symbols: Array.isArray(signals.usedSymbols?.value) ? signals.usedSymbols.value.join(", ") : "",
  };
  if (kind === "native") {
    return [
      {
        signal: "replacement",
        code: "nativeReplacement",
        args,
        action: "rewrite",
        points: policy.points.nativeReplacement,
      },
    ];
  }
  if (kind === "micro-utility") {
    return [
      {
        signal: "replacement",
        code: "microUtilityReplacement",
        args,
        action: "rewrite",
        points: policy.points.microUtilityReplacement,
      },
    ];
  }
  return [];
}

function heavyUse(signals: UsageSignals, policy: UsagePolicy): UsageFinding[] {
  const sites = signals.importSites?.value;
  if (typeof sites !== "number" || sites < policy.heavyUseSites) return [];
  const args = {
    sites,
    files: Number(signals.importSites?.detail?.files ?? 0),
    threshold: policy.heavyUseSites,
  };
  return (["sunset", "rewrite"] as const).map((action) => ({
    signal: "importSites" as const,
    code: "heavilyUsed" as const,
    args,
    action,
    points: -policy.points.heavyUseDiscount,
  }));
}

function sectionsOf(declaredAs: string): string {
  const names: Record<string, string> = {
    prod: "dependencies",
    dev: "devDependencies",
    optional: "optionalDependencies",
    peer: "peerDependencies",
  };
  return declaredAs
    .split(", ")
    .map((s) => names[s] ?? s)
    .join(" and ");
}
