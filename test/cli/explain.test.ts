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

describe("jenga explain from the last result", () => {
  const { state, run: runHere } = useSmallApp();

  it("reads the report folder's jenga.json with no network, --result names another, --refresh analyzes again", async () => {
    expect((await runHere(["analyze", "--quiet", "--json", "saved.json"])).code).toBe(0);
    const asked = state.server.requests.length;
    const fromReport = await runHere(["explain", "left-pad"]);
    expect(fromReport.code).toBe(0);
    expect(fromReport.stdout).toMatch(/^verdict: +sunset — /m);
    expect(fromReport.stderr).toMatch(
      /^jenga: explaining from reports\/jenga\.json \(analyzed .+\); --refresh analyzes again\n/,
    );
    expect(state.server.requests.length).toBe(asked);
    const named = await runHere(["explain", "ms", "--result", "saved.json", "--quiet"]);
    expect(named.stdout.split("\n")[0]).toBe("ms 2.1.3");
    const missing = await runHere(["explain", "ms", "--result", "nowhere.json", "--quiet"]);
    expect(missing.code).toBe(2);
    const fresh = await runHere(["explain", "left-pad", "--refresh", "--quiet"]);
    expect(fresh.code).toBe(0);
    expect(state.server.requests.length).toBeGreaterThan(asked);
  });
});
