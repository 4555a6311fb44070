import type { SignalResult } from "../../signals/define-signal.js";
import type { UsageSignalId } from "../../signals/usage/catalog-entries.js";
import { pushAll } from "../../util/extremes.js";
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
      if (detail.typesShippedBy) {
        add("typesShippedByPackage", "sunset", policy.points.unused, {
          typed: String(detail.typesShippedBy),
        });
      } else {
        add("declaredNeverImported", "sunset", policy.points.unused, {
          declaredAs: sectionsOf(declaredAs),
        });
      }
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
  const mismatch = signals.misplacedDeclaration;
  if (Array.isArray(mismatch?.value) && mismatch.value.length > 0) {
    found.push({
      signal: "misplacedDeclaration",
      code: "misplacedDeclaration",
      args: {
        declaredNotUsed: String(mismatch.detail?.declaredNotUsed ?? ""),
        usedNotDeclared: String(mismatch.detail?.usedNotDeclared ?? ""),
      },
      action: "fix",
      points: policy.points.misplacedDeclaration,
    });
  }
  pushAll(found, replacementFindings(signals, policy));
  pushAll(found, heavyUse(signals, policy));
  pushAll(found, usedFractionFindings(signals, policy));
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

/**
 * Rewrite evidence from the share of the package's code the project reaches:
 * a small share of a package that is not tiny adds points, a large share
 * subtracts them. An untrusted fraction (a file jenga could not follow) may be
 * too low, so it never adds points.
 */
function usedFractionFindings(signals: UsageSignals, policy: UsagePolicy): UsageFinding[] {
  const code = signals.usedFraction;
  if (!code || typeof code.value !== "number") return [];
  const totalBytes = Number(code.detail?.totalBytes ?? 0);
  const usedBytes = Number(code.detail?.usedBytes ?? 0);
  const api = signals.usedExportsFraction?.detail;
  const args = {
    percent: percent(code.value),
    usedKb: kilobytes(usedBytes),
    totalKb: kilobytes(totalBytes),
    exports: api ? `${api.used} of ${api.total}` : "",
  };
  if (code.value < policy.smallUsedFraction) {
    if (!code.trusted || totalBytes < policy.minBytesForFraction) return [];
    const points = policy.points.smallUsedFraction;
    return [{ signal: "usedFraction", code: "smallUsedFraction", args, action: "rewrite", points }];
  }
  if (code.value > policy.largeUsedFraction) {
    const points = -policy.points.largeUsedFractionDiscount;
    return [{ signal: "usedFraction", code: "largeUsedFraction", args, action: "rewrite", points }];
  }
  return [];
}

/** `0.0312` → `3.1`; under 1% keeps one significant digit so it never reads "0". */
function percent(fraction: number): number {
  const p = fraction * 100;
  return p >= 1 ? Math.round(p * 10) / 10 : Number(p.toPrecision(1));
}

function kilobytes(bytes: number): number {
  return Math.round((bytes / 1024) * 10) / 10;
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
