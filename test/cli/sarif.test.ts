import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useSmallApp } from "./small-app.js";

const { state, run } = useSmallApp();

describe("jenga --sarif", () => {
  it("writes a SARIF log located at the declaring line of package.json", async () => {
    const result = await run(["gate", "--quiet", "--sarif", "out/jenga.sarif"]);
    expect(result.code).toBe(1);
    const log = JSON.parse(await readFile(path.join(state.project.dir, "out/jenga.sarif"), "utf8"));
    expect(log.version).toBe("2.1.0");
    const results = log.runs[0].results;
    const leftPad = results.find(
      (r: { properties: { package: string } }) => r.properties.package === "left-pad",
    );
    expect(leftPad).toMatchObject({ ruleId: "jenga/sunset", level: "error" });
    expect(leftPad.message.text).toMatch(
      /^sunset left-pad@1\.3\.0: would be rewrite if not for: deprecated by its publisher/,
    );
    // The package no registry knows is a note: a gap in the evidence, not a finding.
    expect(
      results.find(
        (r: { properties: { package: string } }) => r.properties.package === "is-number",
      ),
    ).toMatchObject({
      ruleId: "jenga/unknown",
      level: "note",
    });
    const { artifactLocation, region } = leftPad.locations[0].physicalLocation;
    expect(artifactLocation).toEqual({ uri: "package.json", uriBaseId: "%SRCROOT%" });
    const manifest = await readFile(path.join(state.project.dir, "package.json"), "utf8");
    expect(manifest.split("\n")[region.startLine - 1]).toContain('"left-pad"');
  });

  it("writes SARIF to stdout with -", async () => {
    const result = await run(["analyze", "--quiet", "--sarif", "-"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).runs[0].tool.driver.name).toBe("jenga");
  });
});
