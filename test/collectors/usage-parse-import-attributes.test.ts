import { describe, expect, it } from "vitest";
import { analyzeUsage } from "../../src/collectors/usage/analyze-usage.js";

const code = `import data from "country-data/countries.json" with { type: "json" };
import legacy from "emoji-data/emoji.json" assert { type: "json" };
export { default as words } from "word-list/words.json" with { type: "json" };
const icons = await import("icon-set/icons.json", { with: { type: "json" } });
export const all = [data, legacy, icons];
`;

describe("import attributes", () => {
  it("reads imports with `with` and the older `assert`, static, re-exported and dynamic", () => {
    const names = ["country-data", "emoji-data", "word-list", "icon-set"];
    const analysis = analyzeUsage({
      files: [{ path: "src/data.mts", text: code }],
      manifests: [
        {
          dir: "",
          data: {
            main: "src/data.mts",
            dependencies: Object.fromEntries(names.map((n) => [n, "1"])),
          },
        },
      ],
    });
    expect(analysis.blindSpots).toEqual([]);
    expect(
      names.map((n) => analysis.packages.get(n)?.sites.map((s) => `${s.line} ${s.kind}`)),
    ).toEqual([["1 import"], ["2 import"], ["3 re-export"], ["4 dynamic"]]);
  });
});
