import { normalizeRepositoryUrl } from "../collectors/repository-url.js";
import { sourceNames } from "../collectors/sources.js";
import type { EvidenceMaps, SourceName, SourceStatus } from "../collectors/types.js";
import type { LoadedConfig } from "../config/load-config.js";
import type { Inventory, InventoryPackage } from "../inventory/types.js";
import { computeImpact } from "../scoring/impact.js";
import { formatMessage } from "../scoring/messages.js";
import { scorePackage } from "../scoring/score-package.js";
import { type Verdict, verdictNames } from "../scoring/verdicts.js";
import { computeSignals } from "../signals/compute-signals.js";
import type { EvidenceSet } from "../signals/define-signal.js";
import { compactSignals } from "./compact-signals.js";
import { rankFunders } from "./funders.js";
import { attachDownstreamDrag, attachLeverage } from "./leverage.js";
import { resultSchemaId } from "./result-schema-id.js";
import type { JengaResult, PackageResult } from "./types.js";
import { unparsedFilesNote } from "./usage-notes.js";
import { findWaiver } from "./waivers.js";

export interface ResultInput {
  inventory: Inventory;
  /** Each source's evidence per package name. */
  evidence: Partial<EvidenceMaps>;
  /** The status of a package a source's map lacks (tests give only the evidence they are about). */
  statuses?: Partial<Record<SourceName, SourceStatus>>;
  config: LoadedConfig;
  now: Date;
  toolVersion: string;
}

/** Pure: evidence in, the JSON result out. Signals, scores and the words of every reason are fixed here. */
export function buildResult(input: ResultInput): JengaResult {
  const packages = input.inventory.packages
    .map((pkg) => scoreOne(pkg, input))
    .sort((a, b) => a.name.localeCompare(b.name));
  attachLeverage(packages);
  attachDownstreamDrag(
    packages,
    new Map(input.inventory.packages.map((p) => [p.name, p.dependencies])),
  );
  const summary = Object.fromEntries(verdictNames.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const p of packages) summary[p.verdict]++;
  const result: JengaResult = {
    $schema: resultSchemaId,
    schemaVersion: 1,
    tool: { name: "jenga", version: input.toolVersion },
    generatedAt: input.now.toISOString(),
    projects: input.inventory.projects.map(({ path, name, lockfile, kind }) => ({
      path,
      name,
      lockfile,
      kind,
    })),
    packages,
    summary,
    funders: rankFunders(packages),
    notes: [
      ...inventoryNotes(input.inventory.warnings),
      ...runNotes(packages),
      ...unparsedFilesNote(input.evidence.usage ?? new Map()),
    ],
    sources: sourceSummary(packages),
    config: { file: input.config.file, gate: { ...input.config.policy.gate } },
  };
  compactSignals(packages);
  return result;
}

function scoreOne(pkg: InventoryPackage, input: ResultInput): PackageResult {
  const statuses = {} as Record<SourceName, SourceStatus>;
  const evidence: EvidenceSet = {};
  for (const source of sourceNames) {
    const found = input.evidence[source]?.get(pkg.name);
    statuses[source] = found?.status ?? input.statuses?.[source] ?? "skipped: not collected";
    // Each map holds its own source's evidence type (EvidenceMaps), so this pairing is exact.
    if (found?.data) (evidence as Record<SourceName, unknown>)[source] = found.data;
  }
  const signals = computeSignals(pkg, evidence, statuses, input.now, input.config.policy);
  const score = scorePackage(signals, statuses, input.config.policy);
  const waiver = findWaiver(pkg.name, input.config.config.waivers ?? [], input.now);
  const findings = waiver?.expired
    ? [
        {
          signal: "verdict" as const,
          code: "waiverExpired" as const,
          args: { until: waiver.until, reason: waiver.reason },
          action: null,
          points: 0,
        },
        ...score.findings,
      ]
    : score.findings;
  const reasons = findings.map((f) => ({
    signal: f.signal,
    code: f.code,
    text: formatMessage(f.code, f.args),
    action: f.action,
    points: f.points,
  }));
  const field = evidence.registry?.repository;
  return {
    name: pkg.name,
    versions: pkg.versions,
    direct: pkg.direct,
    scopes: pkg.scopes,
    dependents: pkg.dependents,
    via: pkg.via,
    path: pkg.path,
    projects: pkg.projects,
    repository: normalizeRepositoryUrl(field?.url, field?.directory ?? null),
    verdict: score.verdict,
    health: score.health,
    impact: computeImpact(pkg, input.config.policy),
    risksBelow: [],
    blocksFixOf: [],
    confidence: score.confidence,
    scores: score.scores,
    reasons,
    signals,
    sources: statuses,
    waiver,
  };
}

/** How many skipped entries a note quotes; the count covers them all. */
const quotedWarnings = 5;

/**
 * Entries of a lockfile or SBOM that were skipped (a damaged version, an invalid name), or
 * facts an SBOM lacks (no dependency graph, components of other ecosystems), would otherwise
 * vanish without a word: every output carries the count and the first few.
 */
function inventoryNotes(warnings: readonly string[]): string[] {
  if (warnings.length === 0) return [];
  const shown = warnings.slice(0, quotedWarnings).join("; ");
  const more =
    warnings.length > quotedWarnings ? `; and ${warnings.length - quotedWarnings} more` : "";
  return [
    `The inputs could not be read whole (${warnings.length} ${warnings.length === 1 ? "warning" : "warnings"}: entries skipped, or facts an SBOM lacks): ${shown}${more}.`,
  ];
}

function runNotes(packages: PackageResult[]): string[] {
  const notes: string[] = [];
  const withRegistry = packages.filter((p) => p.sources.registry === "ok");
  const untrusted = withRegistry.filter(
    (p) =>
      p.signals.publishTimesTrusted?.value === false ||
      p.signals.publishMatchesTags?.value === false,
  ).length;
  if (untrusted > 0) {
    notes.push(
      `Publish times look rewritten for ${untrusted} of ${withRegistry.length} packages (a registry mirror records its copy times): age-based signals were ignored for them.`,
    );
  }
  const stripped = withRegistry.filter((p) => p.signals.maintainers?.value === null).length;
  if (stripped > 0) {
    notes.push(
      `The registry omits maintainers for ${stripped} of ${withRegistry.length} packages, and with them deprecation data: those checks were skipped, not passed.`,
    );
  }
  const limited = packages.filter((p) => p.sources.issues.startsWith("unavailable: rate limit"));
  if (limited.length > 0) {
    const answered = packages.filter((p) => p.sources.issues === "ok").length;
    const noToken = limited.some((p) => p.sources.issues.includes("without a token"));
    notes.push(
      `GitHub API: rate-limited after ${answered} packages; ${limited.length} more went unread${noToken ? " (no token: 60 requests an hour): set GITHUB_TOKEN or GH_TOKEN" : ""}. Direct dependencies were asked first.`,
    );
  }
  const sizeless = withRegistry.filter((p) => p.signals.unpackedSize?.value === null).length;
  if (sizeless > 0) {
    notes.push(
      `The registry omits unpacked sizes for ${sizeless} of ${withRegistry.length} packages: their size comes from the source code in the clone where there is one, else it is unknown.`,
    );
  }
  return notes;
}

function sourceSummary(packages: PackageResult[]): JengaResult["sources"] {
  const summary = {} as JengaResult["sources"];
  for (const source of sourceNames) {
    const entry = { ok: 0, missing: {} as Record<string, number> };
    for (const p of packages) {
      const status = p.sources[source];
      if (status === "ok") entry.ok++;
      else entry.missing[status] = (entry.missing[status] ?? 0) + 1;
    }
    summary[source] = entry;
  }
  return summary;
}
