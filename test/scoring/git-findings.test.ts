import { describe, expect, it } from "vitest";
import type { GitEvidence } from "../../src/collectors/git/types.js";
import type { InventoryPackage } from "../../src/inventory/types.js";
import { formatMessage } from "../../src/scoring/messages.js";
import { defaultPolicy } from "../../src/scoring/policy.js";
import { scorePackage } from "../../src/scoring/score-package.js";
import { computeSignals } from "../../src/signals/compute-signals.js";
import {
  inventoryPackage,
  now,
  registryEvidence,
  steadyHistory,
  version,
} from "../helpers/evidence.js";
import { gitEvidence, monthly } from "../helpers/git-evidence.js";

const statuses = { registry: "ok", git: "ok", advisories: "-", issues: "-", usage: "-" };
const t = (iso: string) => Date.parse(iso) / 1000;
/** Many files, each written by both people: a truck factor of 2. */
const sharedFiles = Array.from({ length: 20 }, () => ({ creator: 0, changes: [0, 3, 1, 3] }));
const soloFiles = Array.from({ length: 20 }, () => ({ creator: 0, changes: [0, 3] }));
const bigSource = { sourceFiles: 40, sourceBytes: 200_000, sourceLines: 6_000, fileCount: 80 };
const smallSource = { sourceFiles: 3, sourceBytes: 2_500, sourceLines: 120, fileCount: 40 };

/** Releases that stopped when the commits did; a mirror-like registry strips maintainers and sizes. */
function score(git: GitEvidence, pkg: Partial<InventoryPackage> = {}) {
  const registry = registryEvidence(steadyHistory("2020-06-01", 8, { unpackedSize: null }), {
    maintainers: null,
  });
  const signals = computeSignals(
    inventoryPackage({ versions: ["1.7.0"], ...pkg }),
    { registry, git },
    statuses,
    now,
    defaultPolicy,
  );
  const result = scorePackage(signals, statuses, defaultPolicy);
  return {
    ...result,
    signals,
    codes: result.findings.map((f) => f.code),
    texts: result.findings.map((f) => formatMessage(f.code, f.args)),
  };
}

const active = [
  ...monthly("2026-05-01T00:00:00Z", 24, 0),
  ...monthly("2026-05-10T00:00:00Z", 24, 1),
];
const silentSolo = monthly("2022-06-01T00:00:00Z", 30, 0);

describe("maintenance from git history", () => {
  it("keeps a package two people actively work on", () => {
    const r = score(gitEvidence(active, { files: sharedFiles, ...bigSource }));
    expect(r.verdict).toBe("keep");
    expect(r.codes).toEqual(expect.arrayContaining(["recentCommit", "activeCommitters"]));
    expect(r.codes).not.toContain("busFactorOne");
    expect(r.health).toBe(100);
  });

  it("reaches adopt from git alone when the registry strips maintainers and sizes", () => {
    const r = score(gitEvidence(silentSolo, { files: soloFiles, ...bigSource }));
    expect(r.verdict).toBe("adopt");
    expect(r.texts).toEqual(
      expect.arrayContaining([
        "no commit by a person and no release for 48 months, and not small enough to be finished (abandoned from 24 months)",
        "one person made all 25 human commits of its last 24 active months: nobody else ships fixes",
        "195.3 KB of source code: real work to replace (from 40.0 KB)",
      ]),
    );
  });

  it("judges finished on source files, not on tests, docs and config", () => {
    const r = score(gitEvidence(silentSolo, { files: soloFiles, ...smallSource }));
    expect(r.verdict).toBe("keep");
    expect(r.codes).toContain("finished");
    expect(r.codes).not.toContain("abandoned");
    expect(r.texts).toContain(
      "no commit by a person and no release for 48 months, but small (3 source files, 120 lines) with no security fix in 60 months, no open advisory and no open bugs: finished, not abandoned",
    );
    // Finished costs no health for silence.
    expect(r.findings.filter((f) => f.points < 0).map((f) => f.code)).not.toContain("abandoned");
  });

  it("does not call a small package finished when security fixes keep coming", () => {
    const r = score(
      gitEvidence(silentSolo, {
        files: soloFiles,
        ...smallSource,
        securityFixTimes: [t("2022-05-01")],
      }),
    );
    expect(r.codes).toContain("abandoned");
    expect(r.codes).not.toContain("finished");
  });

  it("does not read a founder's old history as today's bus factor", () => {
    // The founder wrote most files years ago; four people share the last three years.
    const history = [
      ...monthly("2019-12-01T00:00:00Z", 48, 0),
      ...[1, 2, 3, 4].flatMap((author) => monthly(`2026-05-0${author}T00:00:00Z`, 30, author)),
    ];
    const authors = ["Ana", "Ben", "Cy", "Dee", "Eve"].map((name) => ({
      name,
      email: `${name}@example.com`,
      bot: false,
    }));
    const r = score(gitEvidence(history, { authors, files: soloFiles, ...bigSource }));
    expect(r.signals.truckFactor?.value).toBe(1);
    expect(r.signals.busFactor?.value).toBe(3);
    expect(r.codes).not.toContain("busFactorOne");
  });

  it("sunsets an abandoned package with a maintained alternative, above the adopt points of the same silence", () => {
    const r = score(gitEvidence(silentSolo, { files: soloFiles, ...bigSource }), {
      name: "request",
    });
    expect(r.verdict).toBe("sunset");
    expect(r.scores.sunset).toBeGreaterThan(defaultPolicy.points.gitAbandoned);
    expect(r.texts[1]).toMatch(
      /^no commit by a person and no release for 48 months, and a maintained alternative exists: fetch, .* \(named by the e18e module-replacements list\)$/,
    );
  });
});

describe("a proxy that rewrites publish times but keeps created and modified", () => {
  it("is caught by the package's own tags, and the tags stand in for releases", () => {
    // Every version "published" last month (the proxy's copy time); tagged years ago.
    const copied = "2026-05-02T10:00:00.000Z";
    const versions = Object.fromEntries(
      ["1.0.0", "1.1.0", "1.2.0"].map((v) => [v, version(copied, { unpackedSize: null })]),
    );
    const registry = registryEvidence(versions, {
      maintainers: null,
      created: "2026-05-02T09:59:00.000Z",
      modified: "2026-05-02T10:01:00.000Z",
    });
    const tags = [
      { name: "v1.2.0", time: t("2022-05-01") },
      { name: "v1.1.0", time: t("2021-01-01") },
      { name: "v1.0.0", time: t("2020-01-01") },
    ];
    const git = gitEvidence(silentSolo, { files: soloFiles, ...bigSource, tags });
    const signals = computeSignals(
      inventoryPackage({ versions: ["1.2.0"] }),
      { registry, git },
      statuses,
      now,
      defaultPolicy,
    );
    expect(signals.publishTimesTrusted?.value).toBe(true);
    expect(signals.publishMatchesTags).toMatchObject({ value: false });
    expect(signals.publishMatchesTags?.note).toBe(
      '1.0.0 was tagged 2020-01-01 but "published" 2026-05-02: the registry rewrote its publish times',
    );
    const result = scorePackage(signals, statuses, defaultPolicy);
    expect(result.verdict).toBe("adopt");
    expect(result.findings.map((f) => formatMessage(f.code, f.args))).toContain(
      "no commit by a person and no release (git tag) for 48 months, and not small enough to be finished (abandoned from 24 months)",
    );
  });
});
