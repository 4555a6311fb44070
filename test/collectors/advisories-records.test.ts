import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cvssBaseScore, severityBucket } from "../../src/collectors/advisories/cvss.js";
import { fromOsvRecords } from "../../src/collectors/advisories/from-osv-records.js";
import { parseOsvRecord } from "../../src/collectors/advisories/parse-osv-record.js";
import type { OsvRecord } from "../../src/collectors/advisories/types.js";

const recordsDir = path.resolve(import.meta.dirname, "../fixtures/osv/records");
const records: OsvRecord[] = readdirSync(recordsDir).map(
  (f) => parseOsvRecord(JSON.parse(readFileSync(path.join(recordsDir, f), "utf8"))) as OsvRecord,
);

describe("CVSS", () => {
  it.each([
    ["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8],
    ["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H", 9.1],
    ["CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H", 7.4],
    ["CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H", 7.2],
    ["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L", 5.3],
    ["CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8],
    ["CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.3],
    ["CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N", 4.8],
  ])("scores %s as %d", (vector, score) => {
    expect(cvssBaseScore(vector)).toBe(score);
  });

  it.each([
    "CVSS:3.1/AV:N/AC:L",
    "CVSS:4.0/AV:N",
    "AV:N/AC:L/Au:N/C:P/I:P/A:P",
    "not a vector",
    `CVSS:3.1/${"AV:N/".repeat(200)}`,
  ])("refuses an incomplete or oversized vector (%#)", (vector) => {
    expect(cvssBaseScore(vector)).toBeNull();
  });

  it("buckets scores on FIRST's scale", () => {
    expect([0, 0.1, 3.9, 4, 6.9, 7, 8.9, 9, 10].map(severityBucket)).toEqual([
      "none",
      "low",
      "low",
      "medium",
      "medium",
      "high",
      "high",
      "critical",
      "critical",
    ]);
  });
});

describe("fromOsvRecords", () => {
  it("keeps only records for the package and scores them", () => {
    const lodash = fromOsvRecords("lodash", records, "osv-api");
    expect(lodash.advisories.map((a) => [a.id, a.score, a.severity])).toEqual([
      ["GHSA-jf85-cpcp-j695", 9.1, "critical"],
      ["GHSA-p6mc-m468-83gw", 7.4, "high"],
      ["GHSA-35jh-r3h4-6jhm", 7.2, "high"],
      ["GHSA-29mw-wpgm-hmr9", 5.3, "medium"],
    ]);
    // lodash-es's range of the same record is not lodash's.
    const p6mc = lodash.advisories[1];
    expect(p6mc?.affected).toEqual([
      {
        ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "3.7.0" }, { fixed: "4.17.19" }] }],
        versions: [],
      },
    ]);
  });

  it("merges records sharing an alias (GHSA and CVE) and ignores withdrawn ones", () => {
    const minimist = fromOsvRecords("minimist", records, "osv-export");
    expect(minimist.advisories.map((a) => [a.id, a.aliases])).toEqual([
      ["GHSA-vh95-rmgr-6w4m", ["CVE-2020-7598"]],
      ["GHSA-xvch-5gv4-984h", ["CVE-2021-44906"]],
    ]);
    const merged = minimist.advisories[1];
    // The earliest publication of the merged records; the reviewed GHSA's ranges, not the CVE's coarser one.
    expect(merged?.published).toBe("2022-03-17T16:15:14Z");
    expect(merged?.affected.flatMap((a) => a.ranges.flatMap((r) => r.events))).toEqual([
      { introduced: "0" },
      { fixed: "0.2.4" },
      { introduced: "1.0.0" },
      { fixed: "1.2.6" },
    ]);
  });

  it("falls back to GitHub's rating without a usable vector", () => {
    const jf85 = records.find((r) => r.id === "GHSA-jf85-cpcp-j695") as OsvRecord;
    const record = { ...jf85, severity: [], databaseSeverity: "MODERATE" };
    expect(fromOsvRecords("lodash", [record], "osv-api").advisories[0]?.severity).toBe("medium");
  });

  it("rejects junk and trims hostile fields", () => {
    expect(parseOsvRecord({ id: "../../etc/passwd" })).toBeNull();
    expect(parseOsvRecord([1, 2])).toBeNull();
    const parsed = parseOsvRecord({
      id: "GHSA-aaaa-bbbb-cccc",
      summary: "x".repeat(5000),
      aliases: ["CVE-1", 42, "<script>"],
      affected: [
        {
          package: { ecosystem: "npm", name: "p" },
          ranges: [{ type: "SEMVER", events: [{ introduced: 1 }, { fixed: "1.0.0" }] }],
        },
      ],
    });
    expect(parsed?.summary).toHaveLength(1024);
    expect(parsed?.aliases).toEqual(["CVE-1"]);
    expect(parsed?.affected[0]?.ranges[0]?.events).toEqual([{ fixed: "1.0.0" }]);
  });
});
