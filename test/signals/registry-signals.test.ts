import { describe, expect, it } from "vitest";
import { defaultPolicy } from "../../src/scoring/policy.js";
import { computeSignals } from "../../src/signals/compute-signals.js";
import {
  inventoryPackage,
  now,
  registryEvidence,
  steadyHistory,
  version,
} from "../helpers/evidence.js";

const statuses = { registry: "ok" };

function signalsOf(evidence: ReturnType<typeof registryEvidence>, pkg = inventoryPackage()) {
  return computeSignals(pkg, { registry: evidence }, statuses, now, defaultPolicy);
}

describe("registry signals", () => {
  it("reads a healthy package's facts with units", () => {
    const versions = steadyHistory("2024-01-01", 9);
    const s = signalsOf(registryEvidence(versions), inventoryPackage({ versions: ["1.8.0"] }));
    expect(s.deprecated).toEqual({ value: false, unit: "boolean", trusted: true });
    expect(s.monthsSinceLastPublish?.value).toBe(5); // 1.8.0 on 2025-12-29
    expect(s.releasesPerYear).toMatchObject({ value: 3, unit: "per-year", trusted: true });
    expect(s.maintainers?.value).toBe(2);
    expect(s.versionCount?.value).toBe(9);
    expect(s.ageYears?.value).toBe(2.4);
    expect(s.majorsBehind?.value).toBe(0);
    expect(s.repository).toMatchObject({ value: "https://github.com/example/pkg" });
    expect(s.license?.value).toBe("MIT");
    expect(s.unpackedSize?.value).toBe(50_000);
    expect(s.dependents?.value).toBe(1);
    expect(s.direct?.value).toBe(true);
    expect(s.dependencyCount?.value).toBe(0);
  });

  it("carries the deprecation message of the latest version", () => {
    const versions = {
      "1.0.0": version("2020-01-01T00:00:00Z", { deprecated: "use <b>other</b> instead" }),
    };
    const s = signalsOf(registryEvidence(versions));
    expect(s.deprecated).toMatchObject({ value: true, note: "use <b>other</b> instead" });
  });

  it("lists deprecated installed versions", () => {
    const versions = {
      "1.0.0": version("2020-01-01T00:00:00Z", { deprecated: "security bug, upgrade" }),
      "1.0.1": version("2020-02-01T00:00:00Z"),
    };
    const s = signalsOf(registryEvidence(versions), inventoryPackage({ versions: ["1.0.0"] }));
    expect(s.installedDeprecated).toMatchObject({
      value: ["1.0.0"],
      note: "security bug, upgrade",
    });
    expect(s.deprecated?.value).toBe(false);
  });

  it("counts the major lines published between installed and latest, and 0.x minors as lines", () => {
    const versions = {
      "1.0.0": version("2020-01-01T00:00:00Z"),
      "2.0.0": version("2021-01-01T00:00:00Z"),
      "2.1.0": version("2021-06-01T00:00:00Z"),
      "3.1.0": version("2022-01-01T00:00:00Z"),
    };
    expect(
      signalsOf(registryEvidence(versions), inventoryPackage({ versions: ["1.0.0"] })).majorsBehind,
    ).toMatchObject({
      value: 2,
      detail: { installed: "1.0.0", latest: "3.1.0" },
    });
    const zero = {
      "0.3.0": version("2020-01-01T00:00:00Z"),
      "0.4.1": version("2020-06-01T00:00:00Z"),
      "0.7.2": version("2022-01-01T00:00:00Z"),
    };
    expect(
      signalsOf(registryEvidence(zero), inventoryPackage({ versions: ["0.3.0"] })).majorsBehind
        ?.value,
    ).toBe(2);
  });

  it("reads a jump in numbering (4 to 24) as one line behind, not twenty", () => {
    const versions = {
      "4.2.0": version("2020-01-01T00:00:00Z"),
      "24.0.0": version("2022-01-01T00:00:00Z"),
      "24.1.0": version("2022-06-01T00:00:00Z"),
    };
    expect(
      signalsOf(registryEvidence(versions), inventoryPackage({ versions: ["4.2.0"] })).majorsBehind
        ?.value,
    ).toBe(1);
  });

  it("marks age signals untrusted on a mirror and says why", () => {
    const times = [
      "2026-03-29",
      "2024-11-23",
      "2026-03-20",
      "2026-03-25",
      "2024-12-04",
      "2024-02-27",
    ];
    const versions = Object.fromEntries(
      times.map((t, i) => [`2.${i}.0`, version(`${t}T00:00:00Z`)]),
    );
    const s = signalsOf(
      registryEvidence(versions, { maintainers: null, modified: null, created: null }),
    );
    expect(s.monthsSinceLastPublish?.trusted).toBe(false);
    expect(s.monthsSinceLastPublish?.note).toMatch(/no created or modified entry/);
    expect(s.publishTimesTrusted?.value).toBe(false);
    expect(s.maintainers).toMatchObject({ value: null, trusted: false });
    // Without maintainers the registry stripped deprecation too: "not deprecated" is only a guess.
    expect(s.deprecated).toMatchObject({ value: false, trusted: false });
  });

  it("collects install scripts of the installed versions only", () => {
    const versions = {
      "1.0.0": version("2020-01-01T00:00:00Z", { installScripts: ["postinstall"] }),
      "2.0.0": version("2021-01-01T00:00:00Z", { installScripts: ["install", "preinstall"] }),
    };
    expect(
      signalsOf(registryEvidence(versions), inventoryPackage({ versions: ["2.0.0"] }))
        .installScripts?.value,
    ).toEqual(["install", "preinstall"]);
  });

  it("reports every registry signal as unknown, with the status, when the registry failed", () => {
    const s = computeSignals(
      inventoryPackage(),
      {},
      { registry: "unavailable: 404 not found" },
      now,
      defaultPolicy,
    );
    expect(s.deprecated).toEqual({
      value: null,
      unit: "boolean",
      trusted: false,
      note: "unknown: registry unavailable: 404 not found",
    });
    // Inventory facts do not need the registry.
    expect(s.dependents?.value).toBe(1);
    expect(s.dependencyCount?.value).toBeNull();
  });
});
