import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { UsageAnalysis } from "../../src/collectors/usage/analyze-usage.js";
import { analyzeProject } from "../../src/collectors/usage/collect-usage.js";
import { usageLimits } from "../../src/collectors/usage/limits.js";

const fixture = path.resolve(import.meta.dirname, "../fixtures/usage/entry-strings");
let analysis: UsageAnalysis | null;

beforeAll(async () => {
  analysis = await analyzeProject(fixture, usageLimits);
});

const classOf = (name: string) => analysis?.packages.get(name)?.class;

describe("files reached without an import", () => {
  it("calls dead only what nothing names, even below a root without entries", () => {
    expect(analysis?.deadFiles).toEqual(["packages/web/src/old.js"]);
    expect(classOf("dead-lib")).toBe("dead-code-only");
    expect(classOf("root-dep")).toBe("runtime");
  });

  it("follows an index.html's module script, a bundler entry by path and a sibling workspace", () => {
    expect(classOf("ui-lib")).toBe("runtime");
    expect(analysis?.packages.get("ui-lib")?.sites.map((s) => `${s.file}:${s.line}`)).toEqual([
      "packages/web/src/main.js:1",
    ]);
    expect(classOf("worker-lib")).toBe("runtime");
    expect(classOf("shared-lib")).toBe("runtime");
    expect(classOf("server-lib")).toBe("runtime");
  });

  it("takes a test runner's setup file as test code", () => {
    expect(classOf("setup-lib")).toBe("test-only");
  });

  it("reads no package from a script URL and none from the sibling workspace's name", () => {
    expect([...(analysis?.packages.keys() ?? [])].sort()).toEqual([
      "dead-lib",
      "root-dep",
      "server-lib",
      "setup-lib",
      "shared-lib",
      "ui-lib",
      "web",
      "worker-lib",
    ]);
    expect(classOf("web")).toBe("runtime");
  });
});
