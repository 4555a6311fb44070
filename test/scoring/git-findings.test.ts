import { describe, expect, it } from "vitest";
import type { GitEvidence } from "../../src/collectors/git/types.js";
import { findGitActions } from "../../src/scoring/find-git-actions.js";
import { formatMessage } from "../../src/scoring/messages.js";
import { defaultPolicy } from "../../src/scoring/policy.js";
import { scorePackage } from "../../src/scoring/score-package.js";
import { computeSignals } from "../../src/signals/compute-signals.js";
import { inventoryPackage, now, registryEvidence, steadyHistory } from "../helpers/evidence.js";
import { gitEvidence, monthly } from "../helpers/git-evidence.js";

const statuses = { registry: "ok", git: "ok", advisories: "-", issues: "-", usage: "-" };
const t = (iso: string) => Date.parse(iso) / 1000;
/** Many files, each written by both people: a truck factor of 2. */
const sharedFiles = Array.from({ length: 20 }, () => ({ creator: 0, changes: [0, 3, 1, 3] }));
const soloFiles = Array.from({ length: 20 }, () => ({ creator: 0, changes: [0, 3] }));

function score(git: GitEvidence, size = 200_000, dependents = 1) {
  const registry = registryEvidence(steadyHistory("2024-01-01", 9, { unpackedSize: size }));
  const signals = computeSignals(
    inventoryPackage({ dependents }),
    { registry, git },
    statuses,
    now,
  );
  const result = scorePackage(signals, statuses, defaultPolicy);
  const codes = result.findings.map((f) => f.code);
  const gitActions = findGitActions(signals, defaultPolicy).map((f) => f.code);
  return {
    ...result,
    codes,
    gitActions,
    texts: result.findings.map((f) => formatMessage(f.code, f.args)),
  };
}

const active = [
  ...monthly("2026-05-01T00:00:00Z", 24, 0),
  ...monthly("2026-05-10T00:00:00Z", 24, 1),
];
const silent = [
  ...monthly("2022-01-01T00:00:00Z", 24, 0),
  ...monthly("2022-01-10T00:00:00Z", 10, 1),
];

describe("git findings", () => {
  it.each([
    [
      "two active people",
      gitEvidence(active, { files: sharedFiles, fileCount: 20 }),
      200_000,
      [],
      ["recentCommit", "activeCommitters"],
    ],
    [
      "silent for years, large",
      gitEvidence(silent, { files: sharedFiles, fileCount: 20 }),
      200_000,
      ["gitAbandoned"],
      [],
    ],
    [
      "silent, small, never a security fix: finished",
      gitEvidence(silent, { files: soloFiles.slice(0, 3), fileCount: 3 }),
      200_000,
      [],
      ["finishedQuietGit"],
    ],
    [
      "silent and small, but security fixes keep coming: abandoned",
      gitEvidence(silent, {
        files: soloFiles.slice(0, 3),
        fileCount: 3,
        securityFixTimes: [t("2022-01-01T00:00:00Z")],
      }),
      200_000,
      ["gitAbandoned", "busFactorOne"],
      [],
    ],
    [
      "one real author",
      gitEvidence(active, { files: soloFiles, fileCount: 20 }),
      200_000,
      ["busFactorOne"],
      ["recentCommit"],
    ],
    [
      "activity halved",
      gitEvidence(
        [...monthly("2026-05-01T00:00:00Z", 5, 0), ...monthly("2025-05-01T00:00:00Z", 12, 1)],
        { files: sharedFiles, fileCount: 20 },
      ),
      200_000,
      ["decliningActivity"],
      ["recentCommit"],
    ],
  ] as const)("%s", (_, git, size, adoptCodes, facts) => {
    const result = score(git, size);
    expect(result.gitActions).toEqual([...adoptCodes]);
    // Every adopt finding is also a health penalty, with the same code.
    for (const code of adoptCodes) expect(result.codes).toContain(code);
    for (const code of facts) expect(result.codes).toContain(code);
    if (adoptCodes.length === 0) expect(result.health).toBe(100);
    else expect(result.health).toBeLessThan(100);
  });

  it("makes a silent, single-author, widely used package an adopt, with its reasons", () => {
    const git = gitEvidence(silent, { files: soloFiles, fileCount: 20 });
    const result = score(git, 200_000, 6);
    expect(result.verdict).toBe("adopt");
    expect(result.scores.adopt).toBe(
      defaultPolicy.points.gitAbandoned +
        defaultPolicy.points.busFactorOne +
        defaultPolicy.points.widelyDepended +
        defaultPolicy.points.nonTrivialSize,
    );
    expect(result.texts).toContain(
      "no commit by a person for 52 months (abandoned from 24 months)",
    );
    expect(result.texts).toContain(
      "truck factor 1: one person is the only real author of most of its files",
    );
  });

  it("counts git toward confidence only when it was collected", () => {
    const git = gitEvidence(active, { files: sharedFiles, fileCount: 20 });
    expect(score(git).confidence).toBe(0.55);
    const registry = registryEvidence(steadyHistory("2024-01-01", 9));
    const off = { ...statuses, git: "skipped: --no-git" };
    const signals = computeSignals(inventoryPackage(), { registry }, off, now);
    expect(scorePackage(signals, off, defaultPolicy).confidence).toBe(0.3);
  });
});
