import { describe, test } from "vitest";
import { readFixture } from "./fixture.js";
import { expectSourcesProject } from "./sources-project.js";

describe("yarn-classic-sources: git, tarball URL, file: folder and tarball in yarn.lock v1 (yarn 1.22)", () => {
  test("gives each source its origin, from the descriptor or the resolved URL", async () => {
    expectSourcesProject(await readFixture("yarn-classic-sources"));
  });
});
