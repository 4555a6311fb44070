import { describe, test } from "vitest";
import { readFixture } from "./fixture.js";
import { expectSourcesProject } from "./sources-project.js";

describe("spdx-sources: SPDX 2.3 JSON from `npm sbom --sbom-format spdx` of the sources project", () => {
  test("gives each source its origin from the download location or, without one, the folder", async () => {
    // git and tarball URLs come from downloadLocation; local-lib has none (NOASSERTION)
    // but npm names its folder outside node_modules: a file: dependency, as in the lockfile.
    expectSourcesProject(await readFixture("spdx-sources/sbom.spdx.json"));
  });
});
