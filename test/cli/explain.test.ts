import { describe, expect, it } from "vitest";
import { useSmallApp } from "./small-app.js";

const { run } = useSmallApp();

describe("jenga explain", () => {
  it("prints one package's verdict, scores, reasons, signals and sources", async () => {
    const result = await run(["explain", "ms", "--quiet"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const out = result.stdout;
    expect(out.split("\n")[0]).toBe("ms 2.1.3");
    expect(out).toMatch(/^verdict: +keep — /m);
    expect(out).toMatch(/^health: +\d+\/100$/m);
    expect(out).toMatch(/^scores: +sunset \d+ · adopt \d+ · rewrite \d+ · fix \d+$/m);
    expect(out).toMatch(/^reached: +via debug; path /m);
    expect(out).toContain("\nreasons:\n  - [");
    expect(out).toMatch(/\nsignals:\n {2}\S+ +.+ \[\w+, (un)?trusted\]/);
    expect(out).toMatch(/\nsources:\n {2}registry +ok\n/);
  });

  it("works offline from the cache, and names an unknown package with exit 2", async () => {
    expect((await run(["explain", "left-pad", "--quiet"])).code).toBe(0);
    const offline = await run(["explain", "left-pad", "--offline", "--quiet"]);
    expect(offline.code).toBe(0);
    expect(offline.stdout).toMatch(/^verdict: +sunset — /m);
    const unknown = await run(["explain", "no-such-pkg", "--offline", "--quiet"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.split("\n")[0]).toBe(
      'jenga: no package named "no-such-pkg" among the 4 packages analyzed',
    );
    expect(unknown.stdout).toBe("");
  });
});
