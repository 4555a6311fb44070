import { describe, expect, test } from "vitest";
import { edgeLines, readFixture, readFixtureGraph } from "./fixture.js";
import { expectSourcesProject } from "./sources-project.js";

describe("npm-sources: git, tarball URL, file: folder and tarball in package-lock.json v3 (npm 11)", () => {
  test("gives each source its origin", async () => {
    expectSourcesProject(await readFixture("npm-sources"));
  });

  test("a file: folder is a `link: true` entry whose target folder declares its dependencies", async () => {
    const edges = edgeLines(await readFixtureGraph("npm-sources"));
    expect(edges).toContain("importer: -> local-lib@file:vendor/local-lib (prod)");
    expect(edges).toContain("local-lib@file:vendor/local-lib -> ms@2.1.3 (prod)");
    expect(edges).toContain(
      "importer: -> tiny-git@git://127.0.0.1/tiny-git.git#169107d34a9119259cae8dfd2fd1ac187ca2e632 (prod)",
    );
  });
});
