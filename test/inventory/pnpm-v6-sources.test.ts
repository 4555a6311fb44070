import { describe, expect, test } from "vitest";
import { readFixture, readFixtureGraph } from "./fixture.js";
import { expectSourcesProject } from "./sources-project.js";

describe("pnpm-v6-sources: git, tarball URL, file: folder and tarball in pnpm-lock.yaml 6.0 (pnpm 8)", () => {
  test("gives each source its origin", async () => {
    // pnpm records no version for a folder dependency.
    expectSourcesProject(await readFixture("pnpm-v6-sources"), { "local-lib": { versions: [] } });
  });

  test("non-registry packages are keyed by where they came from", async () => {
    const ids = [...(await readFixtureGraph("pnpm-v6-sources")).nodes.keys()].sort();
    expect(ids).toEqual([
      "is-number@7.0.0",
      "local-lib@file:vendor/local-lib",
      "ms@0.7.3",
      "ms@2.1.3",
      "remote-pkg@@127.0.0.1+8765/remote-pkg-2.0.0.tgz",
      "tarball-pkg@file:vendor/tarball-pkg-3.0.0.tgz",
      "tiny-git@127.0.0.1/tiny-git/169107d34a9119259cae8dfd2fd1ac187ca2e632",
    ]);
  });
});
