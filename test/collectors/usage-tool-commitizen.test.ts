import { describe, expect, it } from "vitest";
import { analyzeUsage, type SourceFile } from "../../src/collectors/usage/analyze-usage.js";

/** A commitizen adapter is loaded by the path its config names, never imported. */
function classes(files: SourceFile[], data: Record<string, unknown>) {
  const analysis = analyzeUsage({
    files: [{ path: "src/main.ts", text: "export {};\n" }, ...files],
    manifests: [{ dir: "", data: { main: "src/main.ts", ...data } }],
  });
  return (name: string) => analysis.packages.get(name);
}

const declared = {
  devDependencies: { "adapter-a": "1", "@scope/adapter-b": "1", "adapter-c": "1", other: "1" },
};

describe("commitizen adapters", () => {
  it("takes package.json config.commitizen.path into node_modules as a use", () => {
    const usage = classes([], {
      ...declared,
      config: { commitizen: { path: "node_modules/adapter-a" } },
    });
    expect(usage("adapter-a")).toMatchObject({
      class: "config-only",
      configMentions: ["package.json:1: commitizen adapter (config.commitizen.path)"],
    });
    expect(usage("other")?.class).toBe("unused");
  });

  it("reads .czrc's path, scoped and ./node_modules forms, with its line", () => {
    const usage = classes(
      [{ path: ".czrc", text: '{\n  "path": "./node_modules/@scope/adapter-b"\n}\n' }],
      declared,
    );
    expect(usage("@scope/adapter-b")).toMatchObject({
      class: "config-only",
      configMentions: [".czrc:2: commitizen adapter (path)"],
    });
  });

  it("takes a bare package name, and leaves a project-relative adapter alone", () => {
    const bare = classes([], { ...declared, config: { commitizen: { path: "adapter-c" } } });
    expect(bare("adapter-c")?.class).toBe("config-only");
    const own = classes([], { ...declared, config: { commitizen: { path: "./tools/cz.js" } } });
    expect(own("adapter-c")?.class).toBe("unused");
  });
});
