import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fromOsvRecords } from "../../src/collectors/advisories/from-osv-records.js";
import { parseOsvRecord } from "../../src/collectors/advisories/parse-osv-record.js";
import type { AdvisoryEvidence, OsvRecord } from "../../src/collectors/advisories/types.js";
import type { RegistryEvidence } from "../../src/collectors/registry/types.js";
import { advisoryMessages } from "../../src/scoring/advisories/messages.js";
import { advisoryPolicy } from "../../src/scoring/advisories/policy.js";
import { advisorySignalCatalog } from "../../src/signals/advisories/catalog-entries.js";
import { advisorySignals } from "../../src/signals/advisories/index.js";
import type { SignalResult } from "../../src/signals/define-signal.js";
import { inventoryPackage, now, registryEvidence, version } from "../helpers/evidence.js";
import { ruleFindings } from "../helpers/rules.js";

const recordsDir = path.resolve(import.meta.dirname, "../fixtures/osv/records");
const fixtureRecords = readdirSync(recordsDir).map(
  (f) => parseOsvRecord(JSON.parse(readFileSync(path.join(recordsDir, f), "utf8"))) as OsvRecord,
);

type Signals = Record<string, SignalResult>;

/** Runs the advisory signals as computeSignals does, keyed by id. */
function signalsFor(
  advisories: AdvisoryEvidence,
  installed: string[],
  registry: RegistryEvidence = registryEvidence({ "1.0.0": version("2020-01-01T00:00:00Z") }),
  extra: Signals = {},
): Signals {
  const pkg = inventoryPackage({ name: advisories.name, versions: installed });
  const out: Signals = { ...extra };
  const evidence: Record<string, unknown> = { advisories, registry };
  for (const signal of advisorySignals) {
    if (signal.needs.some((source) => !(source in evidence))) continue;
    const computed = signal.compute({ evidence, pkg, now } as never);
    out[signal.id] = {
      value: computed.value,
      unit: advisorySignalCatalog[signal.id].unit,
      trusted: computed.trusted ?? true,
      ...(computed.note ? { note: computed.note } : {}),
      ...(computed.detail ? { detail: computed.detail } : {}),
    };
  }
  return out;
}

const lodash = fromOsvRecords("lodash", fixtureRecords, "osv-api");
const minimist = fromOsvRecords("minimist", fixtureRecords, "osv-api");

describe("advisory signals on lodash 4.17.15", () => {
  const signals = signalsFor(lodash, ["4.17.15"]);

  it("counts every advisory and the recent rate", () => {
    expect(signals.advisoriesTotal?.value).toBe(4);
    // All four were published before June 2023, three years before `now`.
    expect(signals.advisoriesLast3Years?.value).toBe(0);
  });

  it("lists the open ones and the lowest version that fixes them all", () => {
    expect(signals.openAdvisories?.value).toEqual([
      "GHSA-p6mc-m468-83gw",
      "GHSA-35jh-r3h4-6jhm",
      "GHSA-29mw-wpgm-hmr9",
    ]);
    expect(signals.openAdvisories?.detail).toMatchObject({
      installed: "4.17.15",
      upgradeTo: "4.17.21",
      upgrades: "4.17.15 → 4.17.21",
      crossesMajor: 0,
      unfixed: "",
    });
    expect(signals.maxSeverity?.value).toBe("high");
    expect(signals.maxSeverity?.detail).toEqual({ id: "GHSA-p6mc-m468-83gw", score: 7.4 });
    expect(signals.neverFixedShare?.value).toBe(0);
  });

  it("finds nothing open on the fixed version", () => {
    const fixed = signalsFor(lodash, ["4.17.21"]);
    expect(fixed.openAdvisories?.value).toEqual([]);
    expect(fixed.maxSeverity?.value).toBe("none");
    expect(ruleFindings(fixed as never)).toEqual([]);
  });

  it("scores a fix naming the advisories, the installed version and the upgrade", () => {
    const findings = ruleFindings(signals as never).filter((f) => f.action !== null);
    expect(findings).toEqual([
      {
        signal: "openAdvisories",
        code: "openAdvisoryFixable",
        args: {
          ids: "GHSA-p6mc-m468-83gw, GHSA-35jh-r3h4-6jhm, GHSA-29mw-wpgm-hmr9",
          installed: "4.17.15",
          upgrades: "4.17.15 → 4.17.21",
          severity: "high",
          crossesMajor: 0,
        },
        action: "fix",
        points: advisoryPolicy.points.fixableBySeverity.high,
      },
    ]);
    const finding = findings[0] as (typeof findings)[number];
    expect(advisoryMessages.openAdvisoryFixable(finding.args)).toBe(
      "GHSA-p6mc-m468-83gw, GHSA-35jh-r3h4-6jhm, GHSA-29mw-wpgm-hmr9 (worst: high) affect installed 4.17.15; fixed upstream: upgrade 4.17.15 → 4.17.21",
    );
  });
});

describe("advisory signals on minimist 0.0.8 and 1.2.5", () => {
  const registry = registryEvidence({
    "0.0.8": version("2014-02-20T00:00:00Z"),
    "0.2.1": version("2020-03-12T00:00:00Z"),
    "0.2.4": version("2022-10-10T00:00:00Z"),
    "1.2.0": version("2019-08-11T00:00:00Z"),
    "1.2.3": version("2020-03-12T12:00:00Z"),
    "1.2.5": version("2020-03-12T18:00:00Z"),
    "1.2.6": version("2022-03-21T16:15:14Z"),
    "1.2.8": version("2023-02-09T00:00:00Z"),
  });
  const signals = signalsFor(minimist, ["1.2.5", "0.0.8"], registry);

  it("gives an upgrade per installed line and flags the 0.x minor as a major", () => {
    expect(signals.openAdvisories?.value).toEqual(["GHSA-vh95-rmgr-6w4m", "GHSA-xvch-5gv4-984h"]);
    expect(signals.openAdvisories?.detail).toMatchObject({
      installed: "0.0.8, 1.2.5",
      upgrades: "0.0.8 → 0.2.4, 1.2.5 → 1.2.6",
      upgradeTo: "1.2.6",
      crossesMajor: 1,
    });
    expect(signals.maxSeverity?.value).toBe("critical");
  });

  it("times fixes from publication to the first fixed release (0 when the fix came first)", () => {
    // vh95: 1.2.3 and 0.2.1 shipped before the advisory (0 days); xvch: 1.2.6 four days after the CVE record.
    expect(signals.timeToFix?.value).toBe(2);
    expect(signals.timeToFix?.trusted).toBe(true);
  });

  it("does not time fixes on doctored registry times", () => {
    const mirrored = { ...registry, created: null, modified: null };
    const untrusted = signalsFor(minimist, ["1.2.5"], mirrored);
    expect(untrusted.timeToFix?.value).toBeNull();
    expect(untrusted.timeToFix?.trusted).toBe(false);
    expect(untrusted.timeToFix?.note).toContain("mirrors");
  });

  it("times fixes from the release tags in git when the registry's times are doctored", () => {
    const mirrored = { ...registry, created: null, modified: null };
    const at = (iso: string) => Date.parse(iso) / 1000;
    // Ten days after each advisory, in every tag naming style.
    const tags = [
      { name: "v1.2.3", time: at("2020-04-13T21:48:32Z") },
      { name: "0.2.1", time: at("2020-04-23T00:00:00Z") },
      { name: "minimist@1.2.6", time: at("2022-03-28T00:01:09Z") },
      { name: "v0.2.4", time: at("2022-10-10T00:00:00Z") },
    ];
    const timeToFix = advisorySignals.find((s) => s.id === "timeToFix");
    const computed = timeToFix?.compute({
      evidence: { advisories: minimist, registry: mirrored, git: { tags } },
      pkg: inventoryPackage({ name: "minimist", versions: ["1.2.5"] }),
      now,
    } as never);
    expect(computed).toEqual({
      value: 10,
      note: "from git tag dates (registry times untrusted)",
      detail: { advisories: 2 },
    });
  });
});

describe("chronic and neglected reports", () => {
  const record = (
    id: string,
    published: string,
    events: OsvRecord["affected"][number]["ranges"][number]["events"],
  ): OsvRecord => ({
    id,
    aliases: [],
    published,
    modified: published,
    withdrawn: null,
    summary: "Prototype Pollution in tiny-merge (test fixture)",
    severity: [],
    databaseSeverity: "MODERATE",
    affected: [
      {
        package: { ecosystem: "npm", name: "tiny-merge" },
        ranges: [{ type: "SEMVER", events }],
        versions: [],
      },
    ],
  });
  const evidence = fromOsvRecords(
    "tiny-merge",
    [
      record("GHSA-tm01-0000-0001", "2023-09-01T00:00:00Z", [
        { introduced: "0" },
        { fixed: "1.0.1" },
      ]),
      record("GHSA-tm01-0000-0002", "2024-05-01T00:00:00Z", [
        { introduced: "0" },
        { last_affected: "1.0.5" },
      ]),
      record("GHSA-tm01-0000-0003", "2025-02-01T00:00:00Z", [{ introduced: "0" }]),
      record("GHSA-tm01-0000-0004", "2026-01-01T00:00:00Z", [{ introduced: "0" }]),
    ],
    "osv-export",
  );
  const size: Signals = { unpackedSize: { value: 12_000, unit: "bytes", trusted: true } };
  const signals = signalsFor(evidence, ["1.0.5"], undefined, size);

  it("reports the rate, the never-fixed share and the unfixed open ones", () => {
    expect(signals.advisoriesLast3Years?.value).toBe(1.3);
    expect(signals.neverFixedShare?.value).toBe(0.75);
    expect(signals.openAdvisories?.detail).toMatchObject({
      fixable: "",
      unfixed: "GHSA-tm01-0000-0002, GHSA-tm01-0000-0003, GHSA-tm01-0000-0004",
    });
  });

  it("pushes toward fixing upstream, rewriting the small package and adopting the neglected one", () => {
    const findings = ruleFindings(signals as never).filter((f) => f.action !== null);
    expect(findings.map((f) => [f.code, f.action, f.points])).toEqual([
      ["advisoriesNeglected", "adopt", advisoryPolicy.points.neglected],
      ["chronicAdvisoriesSmall", "rewrite", advisoryPolicy.points.chronicSmall],
      ["openAdvisoryUnfixed", "fix", advisoryPolicy.points.unfixedOpen],
    ]);
    expect(
      findings.map((f) => advisoryMessages[f.code as keyof typeof advisoryMessages](f.args)),
    ).toEqual([
      "75% of 4 advisories were never fixed (neglected from 50%)",
      "1.3 advisories a year over 3 years on a package of 11.7 KB (chronic from 1 a year under 50.0 KB)",
      "GHSA-tm01-0000-0002, GHSA-tm01-0000-0003, GHSA-tm01-0000-0004 affect installed 1.0.5 with no fixed version upstream: send or fund a fix",
    ]);
  });

  it("does not call a large package's reports chronic", () => {
    const large = signalsFor(evidence, ["1.0.5"], undefined, {
      unpackedSize: { value: 2_000_000, unit: "bytes", trusted: true },
    });
    expect(ruleFindings(large as never).map((f) => f.code)).not.toContain("chronicAdvisoriesSmall");
  });

  it("calls slow median fixes out, on trusted times only", () => {
    const slow = { ...signals, timeToFix: { value: 240, unit: "days", trusted: true } } as Signals;
    expect(ruleFindings(slow as never).map((f) => f.code)).toContain("slowFixes");
    const doubtful = {
      ...slow,
      timeToFix: { value: 240, unit: "days", trusted: false },
    } as Signals;
    expect(ruleFindings(doubtful as never).map((f) => f.code)).not.toContain("slowFixes");
  });
});

describe("a known malicious package", () => {
  const malicious = fromOsvRecords(
    "evil-pkg",
    [
      {
        id: "MAL-2025-1234",
        aliases: [],
        published: "2025-03-01T00:00:00Z",
        modified: "2025-03-01T00:00:00Z",
        withdrawn: null,
        summary: "Malicious code in evil-pkg (npm) (test fixture)",
        severity: [],
        databaseSeverity: null,
        affected: [
          {
            package: { ecosystem: "npm", name: "evil-pkg" },
            ranges: [],
            versions: ["1.0.0", "1.0.1"],
          },
        ],
      } as OsvRecord,
    ],
    "osv-export",
  );

  it("is a sunset, not a fix to send upstream", () => {
    const findings = ruleFindings(signalsFor(malicious, ["1.0.1"]) as never).filter(
      (f) => f.action !== null,
    );
    expect(findings.map((f) => [f.code, f.action, f.points])).toEqual([
      ["maliciousPackage", "sunset", advisoryPolicy.points.malicious],
    ]);
    expect(advisoryMessages.maliciousPackage(findings[0]?.args ?? {})).toBe(
      "known malicious package (MAL-2025-1234) installed as 1.0.1: remove it now and rotate any secret the machines that installed it could read",
    );
  });
});

describe("advisories per 1,000 lines", () => {
  const perKloc = advisorySignals.find((s) => s.id === "advisoriesPerKloc");
  const git = (sourceLines: number | null) => ({
    sourceLines,
    sourceNote: "contents not fetched: test",
  });

  it("is not computed without git evidence", () => {
    expect(signalsFor(lodash, ["4.17.15"]).advisoriesPerKloc).toBeUndefined();
  });

  it("relates the advisories ever published to the lines of code at HEAD", () => {
    const computed = perKloc?.compute({
      evidence: { advisories: lodash, git: git(20_000) },
      pkg: inventoryPackage(),
      now,
    } as never);
    expect(computed).toEqual({
      value: Math.round((lodash.advisories.length / 20) * 100) / 100,
      detail: { advisories: lodash.advisories.length, lines: 20_000 },
    });
  });

  it("is unknown, with the git collector's reason, when lines are not known", () => {
    const computed = perKloc?.compute({
      evidence: { advisories: lodash, git: git(null) },
      pkg: inventoryPackage(),
      now,
    } as never);
    expect(computed).toEqual({ value: null, note: "contents not fetched: test" });
  });
});
