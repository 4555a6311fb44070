// The calibration run: each labelled package's offline evidence through jenga's pure
// entry point (buildResult, from the built .build/ output), then agreement figures.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { fromOsvRecords } from "../../../.build/collectors/advisories/from-osv-records.js";
import { parseOsvRecord } from "../../../.build/collectors/advisories/parse-osv-record.js";
import { fromPackument } from "../../../.build/collectors/registry/from-packument.js";
import { findReplacement } from "../../../.build/collectors/shared/find-replacement.js";
import { validate } from "../../../.build/config/load-config.js";
import { buildResult } from "../../../.build/result/build-result.js";
import { fixtureDir } from "./fixtures.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
export const labelNames = ["keep", "fix", "adopt", "rewrite", "sunset"];
export const verdictColumns = [...labelNames, "unknown"];
const project = "/calibration";

export function loadLabels() {
  return JSON.parse(readFileSync(path.join(here, "..", "labels.json"), "utf8")).packages;
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
}

function evidence(source, data, fetchedAt, missing) {
  return data === null
    ? { source, status: missing, fetchedAt: null, fromCache: true, data: null }
    : { source, status: "ok", fetchedAt, fromCache: true, data };
}

/** The evidence maps for one package, exactly as a run with these sources would build them. */
export function evidenceFor(record, without = []) {
  const dir = fixtureDir(record.name);
  const packument = readJson(path.join(dir, "packument.json"));
  const git = readJson(path.join(dir, "git.json"));
  const osv = readJson(path.join(dir, "osv.json"));
  const issues = readJson(path.join(dir, "issues.json"));
  const records = osv === null ? [] : osv.map(parseOsvRecord).filter((r) => r !== null);
  const at = record.now;
  return {
    registry: evidence(
      "registry",
      packument && fromPackument(packument, ""),
      at,
      "unavailable: no fixture",
    ),
    git: evidence(
      "git",
      without.includes("git") ? null : git,
      at,
      without.includes("git")
        ? "skipped: --without git"
        : "unavailable: no snapshot of the repository",
    ),
    // No record for a package means the advisory database had none affecting it (checked).
    advisories: evidence(
      "advisories",
      record.advisoriesUnavailable
        ? null
        : fromOsvRecords(record.name, records, "github-advisory-database"),
      at,
      "unavailable: records not retrieved",
    ),
    issues: evidence("issues", issues, at, "skipped: no fixture"),
  };
}

function inventoryFor(record) {
  return {
    projects: [{ path: project, name: "calibration", lockfile: null, kind: "package-json" }],
    packages: [
      {
        name: record.name,
        versions: [record.installed],
        direct: true,
        scopes: ["prod"],
        dependents: 1,
        path: ["calibration", record.name],
        via: [record.name],
        dependencies: [],
        projects: [project],
        origin: "registry",
      },
    ],
    warnings: [],
  };
}

/** One package through buildResult, at its own evidence date. */
export function judge(record, config = validate("calibration defaults", {}), without = []) {
  const ev = evidenceFor(record, without);
  const result = buildResult({
    inventory: inventoryFor(record),
    evidence: {
      registry: new Map([[record.name, ev.registry]]),
      git: new Map([[record.name, ev.git]]),
      advisories: new Map([[record.name, ev.advisories]]),
      issues: new Map([[record.name, ev.issues]]),
    },
    statuses: { usage: "skipped: no project sources" },
    config,
    now: new Date(record.now),
    toolVersion: "calibration",
  });
  const pkg = result.packages[0];
  const top = [...pkg.reasons].sort((a, b) => (b.points ?? 0) - (a.points ?? 0))[0];
  return { verdict: pkg.verdict, reason: top?.text ?? "(no reason)", pkg, evidence: ev };
}

const yearMs = 365.25 * 24 * 3600 * 1000;

/** Naive baseline 1: no human commit for 24 months → sunset, else keep. */
function silenceBaseline(record, ev) {
  const git = ev.git.data;
  if (!git) return "keep";
  const now = Date.parse(record.now);
  const last = git.commitTimes.find((_, i) => !git.authors[git.commitAuthors[i]]?.bot);
  return last === undefined || now - last * 1000 >= 2 * yearMs ? "sunset" : "keep";
}

/** Naive baseline 2: listed in the module-replacements data (any list) → rewrite, else keep. */
function replacementBaseline(record) {
  return findReplacement(record.name) ? "rewrite" : "keep";
}

function agreement(rows, pick) {
  let strict = 0;
  let lenient = 0;
  for (const row of rows) {
    const v = pick(row);
    if (v === row.label) strict++;
    if (v === row.label || (row.alsoAcceptable ?? []).includes(v)) lenient++;
  }
  return { strict: strict / rows.length, lenient: lenient / rows.length };
}

/** `without`: sources to leave out, to measure a path (registry-only: ["git"]). */
export function calibrate(records = loadLabels(), without = []) {
  const config = validate("calibration defaults", {});
  const rows = records.map((record) => {
    const j = judge(record, config, without);
    return {
      name: record.name,
      installed: record.installed,
      label: record.label,
      alsoAcceptable: record.alsoAcceptable ?? [],
      verdict: j.verdict,
      reason: j.reason,
      silence: silenceBaseline(record, j.evidence),
      replacement: replacementBaseline(record),
    };
  });
  const confusion = Object.fromEntries(
    labelNames.map((l) => [l, Object.fromEntries(verdictColumns.map((v) => [v, 0]))]),
  );
  for (const row of rows) confusion[row.label][row.verdict]++;
  const perClass = Object.fromEntries(
    labelNames.map((l) => {
      const labelled = rows.filter((r) => r.label === l).length;
      const predicted = rows.filter((r) => r.verdict === l).length;
      const hit = confusion[l][l];
      return [
        l,
        {
          labelled,
          predicted,
          recall: labelled ? hit / labelled : 0,
          precision: predicted ? hit / predicted : null,
        },
      ];
    }),
  );
  return {
    packages: rows.length,
    agreement: agreement(rows, (r) => r.verdict),
    perClass,
    confusion,
    baselines: {
      silence24Months: agreement(rows, (r) => r.silence),
      moduleReplacements: agreement(rows, (r) => r.replacement),
    },
    disagreements: rows
      .filter((r) => r.verdict !== r.label)
      .map(({ name, installed, label, alsoAcceptable, verdict, reason }) => ({
        name,
        installed,
        label,
        alsoAcceptable,
        verdict,
        lenientHit: alsoAcceptable.includes(verdict),
        reason,
      })),
  };
}
