import { describe, expect, it } from "vitest";
import { analyzeUsage } from "../../src/collectors/usage/analyze-usage.js";
import { markUsed } from "../../src/collectors/usage/collect-usage.js";
import { configSchema } from "../../src/config/schema.js";

describe("usage.ignoreDependencies", () => {
  const analysis = analyzeUsage({
    files: [{ path: "src/index.js", text: 'import "lodash";\n' }],
    manifests: [
      {
        dir: "",
        data: {
          main: "src/index.js",
          devDependencies: { "loaded-elsewhere": "1", vitest: "1" },
          dependencies: { lodash: "4" },
        },
      },
    ],
  });

  it("takes an unused package as used, naming the config, and keeps it in the result", () => {
    const usage = analysis.packages.get("loaded-elsewhere");
    expect(usage?.class).toBe("unused");
    if (usage) markUsed(usage);
    expect(usage).toMatchObject({
      class: "runtime",
      configMentions: ["jenga config: usage.ignoreDependencies"],
    });
  });

  it("leaves a package seen used in its own class", () => {
    const usage = analysis.packages.get("lodash");
    if (usage) markUsed(usage);
    expect(usage?.class).toBe("runtime");
  });

  it("is part of the config schema beside usage.entry and the usage numbers", () => {
    expect(
      configSchema.safeParse({ usage: { ignoreDependencies: ["x"], entry: ["src/w/*.ts"] } })
        .success,
    ).toBe(true);
    expect(configSchema.safeParse({ usage: { ignoreDependencie: ["x"] } }).success).toBe(false);
  });
});
