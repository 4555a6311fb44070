/**
 * Each version's peer dependencies in the registry evidence: the names code usage reads
 * for a project without node_modules, optional ones apart, and nothing for a version
 * without peers (the cached excerpt stays as small as before).
 */
import { describe, expect, it } from "vitest";
import { fromPackument } from "../../src/collectors/registry/from-packument.js";
import { MAX_PEERS } from "../../src/collectors/registry/limits.js";
import { createPackumentStreamParser } from "../../src/collectors/registry/parse-packument.js";
import { projectVersion } from "../../src/collectors/registry/project-version.js";

const REGISTRY = "https://registry.example.invalid/";

describe("peers of a version", () => {
  it("splits peerDependencies by peerDependenciesMeta's optional flag", () => {
    const record = projectVersion({
      peerDependencies: { postcss: "^8", less: "*", sass: "*" },
      peerDependenciesMeta: { less: { optional: true }, sass: { optional: false } },
    });
    expect(record).toMatchObject({ peers: ["postcss", "sass"], optionalPeers: ["less"] });
  });

  it("takes a meta entry without a range as an optional peer, as npm does", () => {
    const record = projectVersion({ peerDependenciesMeta: { typescript: { optional: true } } });
    expect(record?.peers).toBeUndefined();
    expect(record?.optionalPeers).toEqual(["typescript"]);
  });

  it("records nothing for a version without peers, or with peers that are no object", () => {
    for (const manifest of [{}, { peerDependencies: ["react"] }, { peerDependencies: "react" }]) {
      const record = projectVersion(manifest);
      expect(record).not.toHaveProperty("peers");
      expect(record).not.toHaveProperty("optionalPeers");
    }
  });

  it("drops unsafe keys and caps a hostile list", () => {
    const many = Object.fromEntries(
      Array.from({ length: MAX_PEERS + 50 }, (_, i) => [`p${i}`, "*"]),
    );
    const hostile = JSON.parse('{"peerDependencies":{"__proto__":"*","ok":"*"}}');
    expect(projectVersion(hostile)?.peers).toEqual(["ok"]);
    expect(projectVersion({ peerDependencies: many })?.peers).toHaveLength(MAX_PEERS);
  });

  it("gives the same peers through JSON.parse and the streaming parser", () => {
    const packument = {
      name: "plugin-a",
      "dist-tags": { latest: "1.0.0" },
      versions: {
        "1.0.0": {
          peerDependencies: { "core-b": "^2", "opt-c": "^1" },
          peerDependenciesMeta: { "opt-c": { optional: true } },
        },
      },
    };
    const parser = createPackumentStreamParser(REGISTRY);
    parser.write(new TextEncoder().encode(JSON.stringify(packument)));
    const streamed = parser.end();
    const parsed = fromPackument(packument, REGISTRY);
    expect(parsed.versions["1.0.0"]).toMatchObject({ peers: ["core-b"], optionalPeers: ["opt-c"] });
    expect(streamed).toEqual({ ok: true, evidence: parsed });
  });
});
