/**
 * The pure twin: packuments in the registry's documented format (fixtures) and
 * hostile shapes, to RegistryEvidence.
 */
import { describe, expect, it } from "vitest";
import { fromPackument } from "../../src/collectors/registry/from-packument.js";
import { projectVersion } from "../../src/collectors/registry/project-version.js";
import { readFixture } from "./helpers/registry-server.js";

const REGISTRY = "https://registry.example.invalid/";
const fixture = async (name: string) =>
  fromPackument(JSON.parse(await readFixture(name)), REGISTRY);

describe("fromPackument on fixtures", () => {
  it("keeps what the signals need from a small package", async () => {
    const evidence = await fixture("left-trim-lite");
    expect(evidence).toEqual({
      name: "left-trim-lite",
      registry: REGISTRY,
      description: "Trim whitespace from the start of a string, with no dependencies",
      distTags: { latest: "1.0.1", next: "2.0.0-beta.1" },
      created: "2019-03-02T10:14:05.117Z",
      modified: "2024-02-11T17:40:12.908Z",
      maintainers: [{ name: "jdoe", email: "jane@example.com" }],
      homepage: "https://github.com/jdoe-example/left-trim-lite#readme",
      bugsUrl: "https://github.com/jdoe-example/left-trim-lite/issues",
      repository: {
        url: "git+https://github.com/jdoe-example/left-trim-lite.git",
        directory: null,
      },
      license: "MIT",
      versions: expect.any(Object),
    });
    expect(Object.keys(evidence.versions)).toEqual(["0.1.0", "1.0.0", "1.0.1", "2.0.0-beta.1"]);
    expect(evidence.versions["1.0.0"]).toEqual({
      time: "2021-06-20T08:02:44.553Z",
      deprecated: "1.0.0 has a ReDoS in trimStart on long runs of tabs; upgrade to 1.0.1",
      installScripts: [],
      unpackedSize: 3874,
      fileCount: 5,
      dependencyCount: 0,
      license: "MIT",
      repository: {
        url: "git+https://github.com/jdoe-example/left-trim-lite.git",
        directory: null,
      },
    });
    expect(evidence.versions["1.0.1"]?.deprecated).toBeNull();
  });

  it("reads a scoped monorepo package: directory, postinstall, dependencies", async () => {
    const evidence = await fixture("@acme/widget-core");
    expect(evidence.repository).toEqual({
      url: "git+https://github.com/acme-example/widgets.git",
      directory: "packages/widget-core",
    });
    expect(evidence.maintainers).toHaveLength(2);
    expect(evidence.distTags).toEqual({ latest: "3.1.0", "v2-lts": "2.4.0" });
    expect(evidence.versions["3.1.0"]).toMatchObject({
      installScripts: ["postinstall"],
      dependencyCount: 3,
      unpackedSize: 915026,
      fileCount: 134,
      license: "Apache-2.0",
    });
  });

  it("counts gyp builds as the install script npm synthesises", async () => {
    const { versions } = await fixture("native-hash");
    expect(versions["1.0.0"]?.installScripts).toEqual(["install"]);
    expect(versions["1.1.0"]?.installScripts).toEqual(["install"]);
    expect(versions["2.0.0"]?.installScripts).toEqual(["preinstall", "install"]);
  });

  it("reads legacy shapes and tells a stripped field from an empty one", async () => {
    const evidence = await fixture("legacy-utils");
    expect(evidence.maintainers).toBeNull();
    expect(evidence.created).toBeNull();
    expect(evidence.modified).toBeNull();
    expect(evidence.versions["0.4.0"]?.time).toBeNull();
    expect(evidence.versions["0.3.2"]?.license).toBe("(MIT OR GPL-2.0)");
    expect(evidence.versions["0.4.0"]?.license).toBe("MIT");
    expect(evidence.license).toBe("MIT");
    expect(evidence.repository).toEqual({ url: "oldtimer-example/legacy-utils", directory: null });
    expect(evidence.versions["0.3.2"]?.repository).toEqual({
      url: "github:oldtimer-example/legacy-utils",
      directory: null,
    });
    expect(evidence.versions["0.4.0"]).toMatchObject({
      unpackedSize: null,
      fileCount: null,
      dependencyCount: 1,
    });
    expect(evidence.homepage).toBeNull();
    expect(evidence.bugsUrl).toBeNull();
  });
});

describe("projectVersion", () => {
  it("adds node-gyp's install when a binding.gyp is known, unless gypfile is false", () => {
    expect(projectVersion({}, { hasBindingGyp: true })?.installScripts).toEqual(["install"]);
    expect(projectVersion({ gypfile: false }, { hasBindingGyp: true })?.installScripts).toEqual([]);
    expect(
      projectVersion({ scripts: { preinstall: "x" } }, { hasBindingGyp: true })?.installScripts,
    ).toEqual(["preinstall"]);
    expect(projectVersion({})?.installScripts).toEqual([]);
  });

  it("ignores empty and non-string scripts", () => {
    const record = projectVersion({
      scripts: { preinstall: "", install: 42, postinstall: "  node x.js " },
    });
    expect(record?.installScripts).toEqual(["postinstall"]);
    expect(projectVersion({ scripts: "rm -rf /" })?.installScripts).toEqual([]);
  });

  it("returns null for a manifest that is not an object", () => {
    for (const value of [null, 1, "1.0.0", [], true]) expect(projectVersion(value)).toBeNull();
  });
});

describe("fromPackument on hostile shapes", () => {
  const HUGE = 10 * 1024 * 1024;

  it("survives values that are not objects at all", () => {
    for (const json of [null, 42, "packument", [1, 2], {}]) {
      const evidence = fromPackument(json, REGISTRY);
      expect(evidence).toMatchObject({
        name: "",
        versions: {},
        distTags: {},
        maintainers: null,
        license: null,
      });
    }
  });

  it("drops versions that are not objects or not exact semver keys", () => {
    const { versions } = fromPackument(
      JSON.parse(`{
        "versions": {
          "1.0.0": {}, "1.1.0": null, "1.2.0": "x", "latest": {}, "1.0": {}, "v2.0.0": {},
          "__proto__": {"polluted": true}, "constructor": {}, "2.0.0": {"version": "9.9.9"}
        }
      }`),
      REGISTRY,
    );
    expect(Object.keys(versions)).toEqual(["1.0.0", "2.0.0"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reads no versions from an array, a string or null", () => {
    for (const versions of [[{ version: "1.0.0" }], "1.0.0", null]) {
      expect(fromPackument({ versions }, REGISTRY).versions).toEqual({});
    }
  });

  it("caps prose, drops oversized identifiers", () => {
    const evidence = fromPackument(
      {
        name: "x",
        description: "d".repeat(HUGE),
        homepage: `https://example.com/${"h".repeat(HUGE)}`,
        repository: { url: `https://example.com/${"r".repeat(HUGE)}` },
        versions: { "1.0.0": { deprecated: "😀".repeat(HUGE / 2), license: "L".repeat(HUGE) } },
        "dist-tags": { latest: "1.0.0", ["t".repeat(HUGE)]: "1.0.0", beta: "9".repeat(HUGE) },
      },
      REGISTRY,
    );
    expect(evidence.description).toHaveLength(1024);
    expect(evidence.homepage).toBeNull();
    expect(evidence.repository).toBeNull();
    expect(evidence.distTags).toEqual({ latest: "1.0.0" });
    const deprecated = evidence.versions["1.0.0"]?.deprecated ?? "";
    expect(deprecated.length).toBeLessThanOrEqual(1024);
    // Never half of a surrogate pair at the cut.
    expect(deprecated).toBe("😀".repeat(deprecated.length / 2));
    expect(evidence.versions["1.0.0"]?.license).toHaveLength(256);
  });

  it("drops __proto__ from maps copied into evidence", () => {
    const evidence = fromPackument(
      JSON.parse(
        '{"dist-tags": {"__proto__": "1.0.0", "latest": "1.0.0"}, "versions": {"1.0.0": {}}}',
      ),
      REGISTRY,
    );
    expect(Object.getPrototypeOf(evidence.distTags)).toBe(Object.prototype);
    expect(Object.keys(evidence.distTags)).toEqual(["latest"]);
  });

  it("reads people in both forms and skips nameless ones", () => {
    const evidence = fromPackument(
      {
        maintainers: [
          { name: "ann", email: "ann@example.com" },
          "Bob Builder <bob@example.com> (https://bob.example.com)",
          "carol",
          { email: "nameless@example.com" },
          42,
          null,
        ],
      },
      REGISTRY,
    );
    expect(evidence.maintainers).toEqual([
      { name: "ann", email: "ann@example.com" },
      { name: "Bob Builder", email: "bob@example.com" },
      { name: "carol", email: null },
    ]);
    expect(fromPackument({ maintainers: [] }, REGISTRY).maintainers).toEqual([]);
    expect(fromPackument({ maintainers: "ann" }, REGISTRY).maintainers).toBeNull();
  });

  it("keeps only readable timestamps and sizes", () => {
    const evidence = fromPackument(
      {
        time: { created: "yesterday", modified: 1700000000, "1.0.0": "2020-01-01T00:00:00.000Z" },
        versions: {
          "1.0.0": { dist: { unpackedSize: -1, fileCount: 2.5 } },
          "1.0.1": { dist: { unpackedSize: "1000", fileCount: 3 } },
        },
      },
      REGISTRY,
    );
    expect(evidence.created).toBeNull();
    expect(evidence.modified).toBeNull();
    expect(evidence.versions["1.0.0"]).toMatchObject({
      time: "2020-01-01T00:00:00.000Z",
      unpackedSize: null,
      fileCount: null,
    });
    expect(evidence.versions["1.0.1"]).toMatchObject({
      time: null,
      unpackedSize: null,
      fileCount: 3,
    });
    expect(fromPackument({ time: "now" }, REGISTRY).created).toBeNull();
  });

  it("falls back to the highest stable version when latest is missing or unknown", () => {
    const versions = {
      "1.0.0": { license: "ISC" },
      "1.2.0": { license: "MIT" },
      "2.0.0-rc.1": { license: "Apache-2.0" },
    };
    expect(fromPackument({ versions }, REGISTRY).license).toBe("MIT");
    expect(fromPackument({ versions, "dist-tags": { latest: "9.9.9" } }, REGISTRY).license).toBe(
      "MIT",
    );
    expect(
      fromPackument({ versions: { "2.0.0-rc.1": {} }, license: "0BSD" }, REGISTRY).license,
    ).toBe("0BSD");
  });

  it("reads license objects and deprecation flags", () => {
    const evidence = fromPackument(
      {
        versions: {
          "1.0.0": { license: { type: "MIT", url: "x" }, deprecated: true },
          "1.0.1": { licenses: { type: "BSD-2-Clause" }, deprecated: "" },
        },
      },
      REGISTRY,
    );
    expect(evidence.versions["1.0.0"]).toMatchObject({ license: "MIT", deprecated: "deprecated" });
    expect(evidence.versions["1.0.1"]).toMatchObject({ license: "BSD-2-Clause", deprecated: null });
  });

  it("records the registry without credentials", () => {
    expect(fromPackument({}, "https://user:secret@registry.example.invalid/npm/").registry).toBe(
      "https://registry.example.invalid/npm/",
    );
  });
});
