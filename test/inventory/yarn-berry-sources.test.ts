import { describe, expect, test } from "vitest";
import { edgeLines, readFixture, readFixtureGraph } from "./fixture.js";
import { expectSourcesProject } from "./sources-project.js";

describe("yarn-berry-sources: git, tarball URL, file: folder and tarball in yarn.lock v10 (yarn 4.18)", () => {
  test("gives each source its origin, from the resolution locator", async () => {
    expectSourcesProject(await readFixture("yarn-berry-sources"));
  });

  test("file: descriptors bound to their workspace (`::locator=`) resolve", async () => {
    const edges = edgeLines(await readFixtureGraph("yarn-berry-sources"));
    expect(
      edges.some((edge) => edge.startsWith("importer: -> local-lib@file:./vendor/local-lib#")),
    ).toBe(true);
    expect(
      edges.some(
        (edge) => edge.startsWith("local-lib@file:") && edge.endsWith("-> ms@2.1.3 (prod)"),
      ),
    ).toBe(true);
  });
});
