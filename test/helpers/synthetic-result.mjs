// A synthetic JSON result of any size, deterministic (a seeded generator, no clock), for
// the report benchmark and the browser test. Plain JS so `node test/bench/report.mjs` can
// import it without a TypeScript loader.

const verdicts = ["keep", "keep", "keep", "fix", "adopt", "rewrite", "sunset"];

function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** @returns {import("../../src/result/types.js").JengaResult} */
export function syntheticResult(count, { projects = 1, seed = 1 } = {}) {
  const random = generator(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const projectList = Array.from({ length: projects }, (_, i) => ({
    path: `/projects/app-${i}`,
    name: `app-${i}`,
    lockfile: `/projects/app-${i}/package-lock.json`,
    kind: "npm-lock",
  }));
  const directCount = Math.max(1, Math.round(count / 10));
  const names = Array.from({ length: count }, (_, i) =>
    i % 7 === 3 ? `@scope-${i % 13}/pkg-${i}` : `pkg-${i}`,
  );
  const packages = names.map((name, i) => {
    const direct = i < directCount;
    const verdict = pick(verdicts);
    const health = verdict === "keep" ? 60 + Math.floor(random() * 41) : Math.floor(random() * 70);
    const via = direct ? [name] : [names[Math.floor(random() * directCount)]];
    const dependents = direct ? 0 : 1 + Math.floor(random() ** 4 * 200);
    const signals = {
      unpackedSize: {
        value: Math.floor(500 + random() ** 3 * 5_000_000),
        unit: "bytes",
        trusted: true,
      },
      maintainers: { value: 1 + Math.floor(random() * 4), unit: "count", trusted: true },
      monthsSinceLastPublish: {
        value: Math.floor(random() * 60),
        unit: "months",
        trusted: i % 50 !== 0,
      },
      deprecated: { value: verdict === "sunset", unit: "boolean", trusted: true },
    };
    if (i % 3 === 0) {
      signals.activeMaintainers = { value: Math.floor(random() * 3), unit: "count", trusted: true };
      signals.usedFraction = {
        value: Math.round(random() * 100) / 100,
        unit: "fraction",
        trusted: true,
      };
    }
    if (i % 5 === 0) {
      const month = (m) => `20${24 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
      signals.commitsPerMonth = {
        value: Array.from({ length: 24 }, (_, m) => {
          const count = Math.floor(random() * 30);
          return { month: month(m), count, authors: count === 0 ? 0 : 1 + (count % 4) };
        }),
        unit: "series",
        trusted: true,
      };
      signals.releases = {
        value: [3, 9, 10, 20].map((m) => ({ month: month(m), count: 1 + (m % 2) })),
        unit: "series",
        trusted: true,
      };
    }
    const action = verdict === "keep" ? null : verdict;
    return {
      name,
      versions: [`${1 + (i % 5)}.${i % 10}.0`],
      direct,
      scopes: [i % 4 === 0 ? "dev" : "prod"],
      dependents,
      via,
      path: direct ? ["app-0", name] : ["app-0", via[0], name],
      projects: projectList.filter((_, p) => p === 0 || random() < 0.5).map((p) => p.path),
      repository:
        i % 9 === 0
          ? null
          : { url: `https://github.com/example/${name.replace("@", "")}`, directory: null },
      verdict,
      health,
      impact: direct ? 60 : Math.min(100, 10 + dependents),
      risksBelow: [],
      blocksFixOf: [],
      confidence: Math.round(random() * 10) / 10,
      scores: {
        sunset: verdict === "sunset" ? 80 : 0,
        adopt: verdict === "adopt" ? 65 : Math.floor(random() * 40),
        fix: verdict === "fix" ? 55 : 0,
        rewrite: verdict === "rewrite" ? 55 : 0,
      },
      reasons: [
        {
          signal: action ? "maintainers" : "verdict",
          code: action ? "synthetic" : "belowThresholds",
          text: action ? `synthetic reason for ${verdict}` : "no action reaches its threshold",
          action,
          points: action ? 55 : 0,
        },
      ],
      signals,
      sources: {
        registry: "ok",
        // Sources answer for part of the tree only: some clones fail, some are skipped, and the
        // issue tracker answers for every other package (the report's filters and first screen).
        git:
          i % 4 === 0
            ? "unavailable: clone timed out (github.com)"
            : i % 4 === 2
              ? "ok"
              : "skipped: --no-git",
        advisories: "ok",
        issues: i % 2 === 0 ? "ok" : "unavailable: no token",
        usage: "ok",
      },
      waiver: null,
    };
  });
  const summary = { keep: 0, fix: 0, adopt: 0, rewrite: 0, sunset: 0, unknown: 0 };
  for (const p of packages) summary[p.verdict]++;
  return {
    schemaVersion: 1,
    tool: { name: "jenga", version: "0.0.0-synthetic" },
    generatedAt: "2026-06-01T00:00:00.000Z",
    projects: projectList,
    packages,
    summary,
    notes: ["A synthetic result for tests and benchmarks."],
    sources: sourceSummary(packages),
    config: { file: null, gate: { failOn: ["sunset"], minHealth: 0 } },
  };
}

/** Per source: packages with data, and the others counted by status (as build-result.ts counts them). */
function sourceSummary(packages) {
  const summary = {};
  for (const source of ["registry", "git", "advisories", "issues", "usage"]) {
    const entry = { ok: 0, missing: {} };
    for (const p of packages) {
      const status = p.sources[source];
      if (status === "ok") entry.ok++;
      else entry.missing[status] = (entry.missing[status] ?? 0) + 1;
    }
    summary[source] = entry;
  }
  return summary;
}
