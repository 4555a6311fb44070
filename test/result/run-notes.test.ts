import { describe, expect, it } from "vitest";
import { missingEvidence, okEvidence } from "../../src/collectors/types.js";
import { resultFrom } from "../helpers/build-result.js";
import { inventoryPackage, now, registryEvidence, steadyHistory } from "../helpers/evidence.js";

function resultWith(issueStatuses: Record<string, string>) {
  const names = Object.keys(issueStatuses);
  const packages = names.map((name, i) => inventoryPackage({ name, direct: i === 0 }));
  const registry = new Map(
    names.map((name) => [
      name,
      okEvidence(
        "registry",
        registryEvidence(steadyHistory("2025-01-01", 4), { name }),
        now.toISOString(),
        false,
      ),
    ]),
  );
  const issues = new Map(
    names.map((name) => [name, missingEvidence<never>("issues", issueStatuses[name] ?? "")]),
  );
  return resultFrom(packages, { registry, issues });
}

describe("run notes", () => {
  it("say a GitHub rate limit once, with the fix, instead of once per package", () => {
    const limited = "unavailable: rate limit without a token (resets in 42m); set GITHUB_TOKEN";
    const result = resultWith({ a: limited, b: limited, c: limited });
    expect(result.notes.filter((n) => n.startsWith("GitHub API"))).toEqual([
      "GitHub API: rate-limited after 0 packages; 3 more went unread (no token: 60 requests an hour): set GITHUB_TOKEN or GH_TOKEN. Direct dependencies were asked first.",
    ]);
    expect(
      resultWith({ a: "unavailable: ENOTFOUND" }).notes.some((n) => n.startsWith("GitHub API")),
    ).toBe(false);
  });
});

describe("skipped inventory entries", () => {
  it("are counted and quoted in the run notes, never dropped silently", () => {
    const warnings = Array.from(
      { length: 7 },
      (_, i) => `package-lock.json: node_modules/bad${i}: invalid version "x"`,
    );
    const result = resultFrom([], { warnings });
    expect(result.notes[0]).toBe(
      'The inputs could not be read whole (7 warnings: entries skipped, or facts an SBOM lacks): package-lock.json: node_modules/bad0: invalid version "x"; package-lock.json: node_modules/bad1: invalid version "x"; package-lock.json: node_modules/bad2: invalid version "x"; package-lock.json: node_modules/bad3: invalid version "x"; package-lock.json: node_modules/bad4: invalid version "x"; and 2 more.',
    );
  });
});
