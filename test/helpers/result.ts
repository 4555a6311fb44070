import { rankFunders } from "../../src/result/funders.js";
import type { JengaResult, PackageResult } from "../../src/result/types.js";

export function packageResult(extra: Partial<PackageResult> = {}): PackageResult {
  return {
    name: "pkg",
    versions: ["1.0.0"],
    direct: true,
    scopes: ["prod"],
    dependents: 1,
    via: ["pkg"],
    path: ["app", "pkg"],
    projects: ["/project"],
    repository: null,
    verdict: "keep",
    health: 90,
    impact: 60,
    risksBelow: [],
    blocksFixOf: [],
    confidence: 0.3,
    scores: { sunset: 0, adopt: 0, fix: 0, rewrite: 0 },
    reasons: [
      {
        signal: "verdict",
        code: "belowThresholds",
        text: "no action reaches its threshold",
        action: null,
        points: 0,
      },
    ],
    signals: {},
    sources: {
      registry: "ok",
      git: "skipped",
      advisories: "skipped",
      issues: "skipped",
      usage: "skipped",
    },
    waiver: null,
    ...extra,
  };
}

export function jengaResult(
  packages: PackageResult[],
  extra: Partial<JengaResult> = {},
): JengaResult {
  const summary = { keep: 0, fix: 0, adopt: 0, rewrite: 0, sunset: 0, unknown: 0 };
  for (const p of packages) summary[p.verdict]++;
  return {
    schemaVersion: 1,
    tool: { name: "jenga", version: "0.0.0-test" },
    generatedAt: "2026-06-01T00:00:00.000Z",
    projects: [
      { path: "/project", name: "app", lockfile: "/project/package-lock.json", kind: "npm-lock" },
    ],
    packages,
    summary,
    funders: rankFunders(packages),
    notes: [],
    sources: {
      registry: { ok: packages.length, missing: {} },
      git: { ok: 0, missing: { skipped: packages.length } },
      advisories: { ok: 0, missing: {} },
      issues: { ok: 0, missing: {} },
      usage: { ok: 0, missing: {} },
    },
    config: { file: null, gate: { failOn: ["sunset"], minHealth: 0 } },
    ...extra,
  };
}
