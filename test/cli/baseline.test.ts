import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useSmallApp } from "./small-app.js";

const { state, run } = useSmallApp();

describe("jenga gate --baseline", () => {
  it("passes on failures already in the baseline, fails on what is new", async () => {
    // Advisories are off in these tests; the gate would otherwise fail closed on them.
    await writeFile(
      path.join(state.project.dir, "jenga.config.json"),
      JSON.stringify({ gate: { allowMissing: ["advisories"] } }),
    );
    const first = await run(["analyze", "--quiet", "--json", "baseline.json"]);
    expect(first.code).toBe(0);
    const known = await run(["gate", "--baseline", "baseline.json"]);
    expect(known.code).toBe(0);
    expect(known.stderr).toContain("1 failing package already in the baseline, not counted");
    expect(known.stderr).toContain("jenga gate: passed");

    // A baseline from before left-pad was added: its sunset verdict is new.
    const baseline = path.join(state.project.dir, "baseline.json");
    const json = JSON.parse(await readFile(baseline, "utf8"));
    json.packages = json.packages.filter((p: { name: string }) => p.name !== "left-pad");
    await writeFile(baseline, JSON.stringify(json));
    const added = await run(["gate", "--quiet", "--baseline", "baseline.json"]);
    expect(added.code).toBe(1);
    expect(added.stdout).toMatch(
      /^jenga gate: 1 package failed\n.*\nleft-pad\s+sunset\s+\d+\s+direct\s+new package: verdict sunset is in gate.failOn/,
    );
  });

  it("rejects a file that is not a JSON result with exit 2 and one line naming it", async () => {
    await writeFile(path.join(state.project.dir, "bad.json"), '{ "schemaVersion": 2 }');
    const bad = await run(["gate", "--baseline", "bad.json"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split("\n")[0]).toBe(
      "jenga: bad.json: not a jenga JSON result: schemaVersion is 2, expected 1",
    );
    const missing = await run(["gate", "--baseline", "nowhere.json"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^jenga: nowhere\.json: cannot read the baseline \(ENOENT\)\n/);
  });
});
