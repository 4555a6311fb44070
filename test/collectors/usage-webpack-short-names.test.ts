import { describe, expect, it } from "vitest";
import { analyzeUsage } from "../../src/collectors/usage/analyze-usage.js";

/**
 * Webpack's short loader names (`"css"` → `css-loader`) are common words: `"ts"` in
 * jest's `moduleFileExtensions` must not make `ts-loader` used, while a webpack config
 * still loads `style-loader` by `"style"`.
 */
describe("webpack's short loader names", () => {
  const analysis = analyzeUsage({
    files: [
      { path: "src/main.ts", text: "export const app = 1;\n" },
      {
        path: "webpack.config.js",
        text: 'module.exports = { module: { rules: [{ test: /\\.css$/, use: ["style", "css"] }] } };\n',
      },
    ],
    manifests: [
      {
        dir: "",
        data: {
          main: "src/main.ts",
          scripts: { build: "webpack --config webpack.config.js" },
          jest: {
            moduleFileExtensions: ["js", "json", "ts"],
            transform: { "^.+\\.ts$": "ts-jest" },
          },
          devDependencies: Object.fromEntries(
            ["webpack", "jest", "ts-jest", "ts-loader", "style-loader", "css-loader"].map((n) => [
              n,
              "1",
            ]),
          ),
        },
      },
    ],
  });
  const usage = (name: string) => analysis.packages.get(name);

  it("count in a webpack config", () => {
    expect(usage("style-loader")).toMatchObject({
      class: "config-only",
      configMentions: ["webpack.config.js:1: style"],
    });
    expect(usage("css-loader")?.class).toBe("config-only");
  });

  it("do not count in another tool's config", () => {
    expect(usage("ts-loader")?.class).toBe("unused");
    expect(usage("ts-jest")?.class).toBe("config-only");
  });
});
