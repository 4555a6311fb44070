import type { SourceName, SourceStatus } from "../collectors/types.js";
import type { GatePolicy } from "../gate/gate-policy.js";
import type { InputKind, Scope } from "../inventory/types.js";
import type { Action, Verdict } from "../scoring/verdicts.js";
import type { SignalResult } from "../signals/define-signal.js";

/**
 * The JSON result: the source of truth every report is rendered from, and a
 * contract other tools read (DESIGN.md). Fields may be added; none may be
 * renamed or dropped without bumping schemaVersion.
 */
export interface JengaResult {
  /** The result's JSON Schema, by its package export: `jenga/result.schema.json` (result-schema-id.ts). */
  $schema: string;
  schemaVersion: 1;
  tool: { name: "jenga"; version: string };
  generatedAt: string;
  projects: ProjectResult[];
  packages: PackageResult[];
  summary: Record<Verdict, number>;
  /** For funders: adopt candidates, then fix candidates whose need is upstream's, most in need first. */
  funders: FunderCandidate[];
  /** Run-wide facts the reader should know (a mirror was detected, a source was off). */
  notes: string[];
  /** Per source: how many packages had data, and the distinct reasons others did not. */
  sources: Record<SourceName, { ok: number; missing: Record<SourceStatus, number> }>;
  /** The config the run used, and the gate policy it implies (so a result can be re-gated later). */
  config: { file: string | null; gate: GatePolicy };
}

export interface ProjectResult {
  path: string;
  name: string;
  lockfile: string | null;
  kind: InputKind;
}

export interface ReasonResult {
  signal: string;
  code: string;
  text: string;
  /** The action this reason pushes toward, null for context. */
  action: Action | null;
  points: number;
}

export interface PackageResult {
  name: string;
  versions: string[];
  direct: boolean;
  scopes: Scope[];
  dependents: number;
  /** The direct dependencies that bring it in: where the user can act. */
  via: string[];
  path: string[];
  projects: string[];
  repository: { url: string; directory: string | null } | null;
  verdict: Verdict;
  /** 0-100, or null when there is no maintenance evidence (verdict `unknown` unless a decisive fact decided). */
  health: number | null;
  /** 0-100: how much of the analyzed projects rests on it (dependents, direct, shipped, projects). Apart from health. */
  impact: number;
  /** For a direct dependency: the packages under it whose verdict is not keep, where its upgrade or replacement acts. */
  risksBelow: string[];
  /** Packages whose advisory fix (in a new major) this one holds back, being unmaintained or retiring. */
  blocksFixOf: string[];
  confidence: number;
  scores: Record<Action, number>;
  reasons: ReasonResult[];
  signals: Record<string, SignalResult>;
  sources: Record<SourceName, SourceStatus>;
  waiver: { reason: string; until: string; expired: boolean } | null;
}

/** One funding target (src/result/funders.ts). */
export interface FunderCandidate {
  name: string;
  verdict: "adopt" | "fix";
  impact: number;
  health: number | null;
  /** impact × (100 − health) × the share of real code it carries, / 100: the ranking key. */
  need: number;
  /** The reason that makes it a candidate. */
  why: string;
}
