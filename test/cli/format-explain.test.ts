import { describe, expect, it } from "vitest";
import { formatExplain } from "../../src/cli/format-explain.js";
import { hasControlCharacters } from "../../src/util/control-characters.js";
import { packageResult } from "../helpers/result.js";

describe("formatExplain", () => {
  it("prints signals with value, unit, trust and note, and no control characters", () => {
    const text = formatExplain(
      packageResult({
        name: "evil\u001b]0;pwned\u0007",
        verdict: "sunset",
        direct: false,
        via: ["a\u009bb"],
        reasons: [
          {
            signal: "deprecated",
            code: "c",
            text: "deprecated: \u001b[2Jgone",
            action: "sunset",
            points: 80,
          },
        ],
        signals: {
          deprecated: { value: "gone\r\nfake line", unit: "text", trusted: true },
          ageYears: { value: null, unit: "years", trusted: false, note: "unknown: offline" },
          installScripts: { value: [], unit: "list", trusted: true },
        },
        waiver: { reason: "r\u0000", until: "2020-01-01", expired: true },
      }),
    );
    // Only the newlines jenga writes itself: every control character from the data is replaced.
    expect(hasControlCharacters(text.replace(/\n/g, ""))).toBe(false);
    expect(text.split("\n")[0]).toBe("evil?]0;pwned? 1.0.0");
    expect(text).toContain("reached:    via a?b; path app > pkg");
    expect(text).toContain("  - [sunset +80] deprecated: ?[2Jgone (deprecated)");
    expect(text).toContain("waiver:     r? (until 2020-01-01, expired)");
    expect(text).toMatch(/^ {2}ageYears +unknown \[years, untrusted\] — unknown: offline$/m);
    expect(text).toMatch(/^ {2}deprecated +gone\?\?fake line \[text, trusted\]$/m);
    expect(text).toMatch(/^ {2}installScripts +\[\] \[list, trusted\]$/m);
  });
});

describe("formatExplain with a series", () => {
  it("prints a series by its length and span, not as objects", () => {
    const text = formatExplain(
      packageResult({
        signals: {
          commitsPerMonth: {
            value: [
              { month: "2024-01", count: 3, authors: 2 },
              { month: "2024-02", count: 1, authors: 1 },
            ],
            unit: "series",
            trusted: true,
          },
        },
      }),
    );
    expect(text).toContain("2 points from 2024-01 to 2024-02");
    expect(text).not.toContain("[object Object]");
  });
});
