import { describe, expect, it } from "vitest";
import { compactSignals } from "../../src/result/compact-signals.js";
import { packageResult } from "../helpers/result.js";

const mirrorWhy =
  "the registry's time map has no created or modified entry, as rewritten by mirrors";

describe("compactSignals: what the JSON result would repeat for every package", () => {
  it("leaves out signals unknown for want of their source, and keeps every measured one", () => {
    const p = packageResult({
      signals: {
        busFactor: {
          value: null,
          unit: "count",
          trusted: false,
          note: "unknown: git skipped: --no-git",
        },
        maintainers: {
          value: null,
          unit: "count",
          trusted: false,
          note: "the registry omits maintainers",
        },
        broken: {
          value: null,
          unit: "count",
          trusted: false,
          note: "unavailable: internal error in broken",
        },
        versionCount: { value: 93, unit: "count", trusted: true },
        installScripts: { value: [], unit: "list", trusted: true },
      },
    });
    compactSignals([p]);
    expect(Object.keys(p.signals).sort()).toEqual([
      "broken",
      "installScripts",
      "maintainers",
      "versionCount",
    ]);
  });

  it("says why publish times are untrusted once per package, on publishTimesTrusted", () => {
    const p = packageResult({
      signals: {
        publishTimesTrusted: { value: false, unit: "boolean", trusted: true, note: mirrorWhy },
        ageYears: { value: 2.8, unit: "years", trusted: false, note: mirrorWhy },
        majorsBehind: {
          value: 1,
          unit: "count",
          trusted: true,
          note: "installed 1.0.0, latest 2.0.0",
        },
      },
    });
    compactSignals([p]);
    expect(p.signals.publishTimesTrusted?.note).toBe(mirrorWhy);
    expect(p.signals.ageYears).toEqual({ value: 2.8, unit: "years", trusted: false });
    expect(p.signals.majorsBehind?.note).toBe("installed 1.0.0, latest 2.0.0");
  });
});
