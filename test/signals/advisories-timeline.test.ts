import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fromOsvRecords } from "../../src/collectors/advisories/from-osv-records.js";
import { parseOsvRecord } from "../../src/collectors/advisories/parse-osv-record.js";
import type { AdvisoryEvidence, OsvRecord } from "../../src/collectors/advisories/types.js";
import type { RegistryEvidence } from "../../src/collectors/registry/types.js";
import { advisoryTimeline } from "../../src/signals/advisories/advisory-timeline.js";
import { inventoryPackage, now, registryEvidence, version } from "../helpers/evidence.js";

const recordsDir = path.resolve(import.meta.dirname, "../fixtures/osv/records");
const fixtureRecords = readdirSync(recordsDir).map(
  (f) => parseOsvRecord(JSON.parse(readFileSync(path.join(recordsDir, f), "utf8"))) as OsvRecord,
);

const timeline = (advisories: AdvisoryEvidence, registry: RegistryEvidence) =>
  advisoryTimeline.compute({
    evidence: { advisories, registry },
    pkg: inventoryPackage({ name: advisories.name, versions: ["1.2.5"] }),
    now,
  });

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

describe("advisoryTimeline", () => {
  const minimist = fromOsvRecords("minimist", fixtureRecords, "osv-api");

  it("lists each advisory by publication with the days its fix took", () => {
    const s = { advisoryTimeline: timeline(minimist, registry) };
    // vh95: 1.2.3 and 0.2.1 shipped before the advisory (0 days); xvch: 1.2.6 four days after.
    expect(s.advisoryTimeline).toEqual({
      value: [
        {
          date: "2020-04-03",
          id: "GHSA-vh95-rmgr-6w4m",
          severity: "medium",
          status: "fixed",
          daysToFix: 0,
        },
        {
          date: "2022-03-17",
          id: "GHSA-xvch-5gv4-984h",
          severity: "critical",
          status: "fixed",
          daysToFix: 4,
        },
      ],
      trusted: true,
      detail: { fixed: 2, notFixed: 0, fixTimeUnknown: 0 },
    });
  });

  it("keeps the dates but not the fix times when registry times are doctored", () => {
    const mirrored = { ...registry, created: null, modified: null };
    const result = timeline(minimist, mirrored);
    expect(result.trusted).toBe(false);
    expect(result.note).toContain("fix times unknown");
    expect(result.value).toEqual([
      expect.objectContaining({ id: "GHSA-vh95-rmgr-6w4m", status: "unknown" }),
      expect.objectContaining({ id: "GHSA-xvch-5gv4-984h", status: "unknown" }),
    ]);
    expect(JSON.stringify(result.value)).not.toContain("daysToFix");
  });

  it("marks advisories never fixed with the days they have been open, and skips undated ones", () => {
    const record = (id: string, published: string | null, fixed: string | null): OsvRecord => ({
      id,
      aliases: [],
      published,
      modified: published,
      withdrawn: null,
      summary: null,
      severity: [],
      databaseSeverity: "HIGH",
      affected: [
        {
          package: { ecosystem: "npm", name: "tiny" },
          ranges: [
            { type: "SEMVER", events: [{ introduced: "0" }, ...(fixed ? [{ fixed }] : [])] },
          ],
          versions: [],
        },
      ],
    });
    const evidence = fromOsvRecords(
      "tiny",
      [
        record("GHSA-tiny-0000-0002", "2026-05-22T00:00:00Z", null),
        record("GHSA-tiny-0000-0001", "2025-06-01T00:00:00Z", "1.0.1"),
        record("GHSA-tiny-0000-0003", null, null),
        record("GHSA-tiny-0000-0004", "2027-01-01T00:00:00Z", null),
      ],
      "osv-api",
    );
    const tiny = registryEvidence({
      "1.0.0": version("2025-01-01T00:00:00Z"),
      "1.0.1": version("2025-07-01T00:00:00Z"),
    });
    const result = timeline(evidence, tiny);
    expect(result.value).toEqual([
      {
        date: "2025-06-01",
        id: "GHSA-tiny-0000-0001",
        severity: "high",
        status: "fixed",
        daysToFix: 30,
      },
      {
        date: "2026-05-22",
        id: "GHSA-tiny-0000-0002",
        severity: "high",
        status: "not-fixed",
        daysOpen: 10,
      },
    ]);
    expect(result.note).toBe("2 without a past publication date left out");
    expect(result.detail).toEqual({ fixed: 1, notFixed: 1, fixTimeUnknown: 0 });
    const none = timeline({ name: "x", source: "osv-api", advisories: [] }, tiny);
    expect(none).toEqual({ value: null, note: "no advisories" });
  });
});
