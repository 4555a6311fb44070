import { describe, expect, it } from "vitest";
import { rankFunders } from "../../src/result/funders.js";
import type { ReasonResult } from "../../src/result/types.js";
import { packageResult } from "../helpers/result.js";

const reason = (code: string, action: ReasonResult["action"], text = code): ReasonResult => ({
  signal: "s",
  code,
  text,
  action,
  points: action ? 30 : 0,
});

describe("the funders' ranking", () => {
  it("lists adopt candidates first, then fixes upstream needs help with, most in need first", () => {
    const ranked = rankFunders([
      packageResult({
        name: "big-quiet",
        verdict: "adopt",
        impact: 80,
        health: 30,
        reasons: [reason("abandoned", "adopt")],
      }),
      packageResult({
        name: "small-quiet",
        verdict: "adopt",
        impact: 20,
        health: 30,
        reasons: [reason("abandoned", "adopt")],
      }),
      packageResult({
        name: "slow-upstream",
        verdict: "fix",
        impact: 90,
        health: 40,
        reasons: [reason("openAdvisoryUnfixed", "fix", "GHSA-x with no fixed version upstream")],
      }),
      packageResult({ name: "healthy", verdict: "keep", impact: 100, health: 100 }),
    ]);
    expect(ranked.map((f) => f.name)).toEqual(["big-quiet", "small-quiet", "slow-upstream"]);
    expect(ranked[2]).toMatchObject({
      verdict: "fix",
      why: "GHSA-x with no fixed version upstream",
    });
  });

  it("never lists the user's own upkeep or an unused package", () => {
    const ranked = rankFunders([
      packageResult({
        name: "behind",
        verdict: "fix",
        impact: 90,
        health: 50,
        reasons: [
          reason("openAdvisoryFixable", "fix"),
          reason("majorsBehind", null),
          reason("outOfSupportLine", "fix"),
        ],
      }),
      packageResult({
        name: "unused-adopt",
        verdict: "adopt",
        impact: 90,
        health: 10,
        reasons: [reason("abandoned", "adopt")],
        signals: { usageClass: { value: "unused", unit: "text", trusted: true } },
      }),
    ]);
    expect(ranked).toEqual([]);
  });

  it("weighs the real code the projects rest on, and ranks unknown health as an even chance", () => {
    const ranked = rankFunders([
      packageResult({
        name: "tiny",
        verdict: "adopt",
        impact: 50,
        health: 20,
        signals: { unpackedSize: { value: 3_000, unit: "bytes", trusted: true } },
      }),
      packageResult({
        name: "large",
        verdict: "adopt",
        impact: 50,
        health: 20,
        signals: { unpackedSize: { value: 2_000_000, unit: "bytes", trusted: true } },
      }),
      packageResult({
        name: "unknown-health",
        verdict: "adopt",
        impact: 50,
        health: null,
        signals: { unpackedSize: { value: 3_000, unit: "bytes", trusted: true } },
      }),
    ]);
    expect(ranked.map((f) => f.name)).toEqual(["large", "tiny", "unknown-health"]);
    expect(ranked[2]?.health).toBeNull();
  });
});
