import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeUsage } from "../../src/collectors/usage/analyze-usage.js";
import { analyzeProject } from "../../src/collectors/usage/collect-usage.js";
import { usageLimits } from "../../src/collectors/usage/limits.js";

const fixture = path.resolve(import.meta.dirname, "../fixtures/usage/computed-import");

describe("computed specifiers", () => {
  it("makes candidates unknown, never unused, and keeps what can be proven unused", async () => {
    const analysis = await analyzeProject(fixture, usageLimits);
    const classOf = (name: string) => analysis?.packages.get(name)?.class;
    expect(classOf("chosen-a")).toBe("unknown");
    expect(classOf("chosen-b")).toBe("unknown");
    expect(classOf("plugin-foo")).toBe("unknown");
    expect(classOf("never-named")).toBe("unused");
    // Reached only through `./locales/${lang}.js`: maybe dead, maybe not.
    expect(analysis?.deadFiles).toEqual(["src/locales/en.js"]);
    expect(classOf("only-in-dead")).toBe("unknown");
    expect(analysis?.packages.get("chosen-a")?.blindSpots).toEqual([
      {
        file: "src/index.js",
        line: 4,
        kind: "computed-specifier",
        detail: 'import("chosen-a" | "chosen-b")',
        candidates: ["chosen-a", "chosen-b"],
      },
    ]);
    expect(analysis?.packages.get("plugin-foo")?.blindSpots[0]).toMatchObject({
      detail: "require(plugin-…)",
      prefix: "plugin-",
    });
  });

  it("lets `require(name)` hide only the declared packages whose names are written somewhere", () => {
    const analysis = analyzeUsage({
      files: [
        {
          path: "index.js",
          text: 'const name = process.argv[2];\nrequire(name);\nconst plugins = ["a", "c/sub"];\n',
        },
        { path: "types.d.ts", text: 'declare module "d";\n' },
      ],
      manifests: [
        {
          dir: "",
          data: {
            main: "index.js",
            scripts: { start: "node index.js --with e" },
            dependencies: { a: "1", b: "1", c: "1", d: "1", e: "1" },
          },
        },
      ],
    });
    const classOf = (name: string) => analysis.packages.get(name)?.class;
    // Written in the code ("a", "c/sub") or in a script ("e"): the call may load them.
    expect([classOf("a"), classOf("c"), classOf("e")]).toEqual(["unknown", "unknown", "unknown"]);
    // Named nowhere, or only in an erased `declare module`: nothing can hand it to require().
    expect(classOf("b")).toBe("unused");
    expect(classOf("d")).toBe("unused");
    expect(analysis.packages.get("a")?.blindSpots).toEqual([
      {
        file: "index.js",
        line: 2,
        kind: "computed-specifier",
        detail: "require(…)",
        candidates: ["a", "c", "e"],
      },
    ]);
    expect(analysis.packages.get("b")?.blindSpots).toEqual([]);
  });
});
