import { describe, expect, it } from "vitest";
import { writers } from "../../src/reports/writers.js";
import { jengaResult, packageResult } from "../helpers/result.js";

describe("CSV writer", () => {
  it("writes a header and one row per package, RFC 4180 quoted", () => {
    const csv = writers.csv(
      jengaResult([
        packageResult({
          name: "left-pad",
          versions: ["1.2.0", "1.3.0"],
          verdict: "sunset",
          health: 20,
          reasons: [
            {
              signal: "s",
              code: "c",
              text: 'deprecated: "use padStart", now',
              action: "sunset",
              points: 80,
            },
          ],
        }),
        packageResult({ name: "mystery", verdict: "unknown", health: null }),
      ]),
    )["jenga.csv"] as string;
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "name,versions,verdict,health,confidence,direct,via,top reason,source registry,source git,source advisories,source issues,source usage",
    );
    expect(lines[1]).toMatch(
      /^left-pad,1\.2\.0 1\.3\.0,sunset,20,[\d.]+,true,[^,]*,"deprecated: ""use padStart"", now",/,
    );
    expect(lines[2]).toMatch(/^mystery,1\.0\.0,unknown,,/);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe("");
  });

  it("never lets a stranger's text run as a spreadsheet formula", () => {
    const csv = writers.csv(
      jengaResult([
        packageResult({
          name: "evil",
          reasons: [
            { signal: "s", code: "c", text: '=HYPERLINK("http://x","y")', action: null, points: 0 },
          ],
        }),
      ]),
    )["jenga.csv"] as string;
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
  });
});
