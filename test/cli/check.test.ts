import { describe, expect, it } from "vitest";
import { useSmallApp } from "./small-app.js";

const { run } = useSmallApp();

describe("jenga check", () => {
  it("judges one package with no project and prints its verdict card", async () => {
    const result = await run(["check", "left-pad", "--quiet"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^left-pad 1\.3\.0\nverdict: +sunset — /);
    expect(result.stdout).toContain(
      'deprecated by its publisher: "use String.prototype.padStart()"',
    );
    expect(result.stdout).toMatch(/usage +skipped: no project to read \(jenga check\)/);
  });

  it("resolves a range or a package URL, and writes the JSON result with --json -", async () => {
    const result = await run(["check", "pkg:npm/debug@^4.3", "--quiet", "--json", "-"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(
      json.packages.map((p: { name: string; versions: string[] }) => [p.name, p.versions]),
    ).toEqual([["debug", ["4.4.3"]]]);
    expect(json.projects[0].name).toBe("check debug");
  });

  it("says so, with exit 2, for a name the registry does not know or a malformed spec", async () => {
    const missing = await run(["check", "is-number", "--quiet"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^jenga: no package named "is-number" in the registry\n/);
    const bad = await run(["check", "../../etc", "--quiet"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^jenga: not a package name/);
  });
});
