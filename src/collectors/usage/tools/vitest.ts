import { pushAll } from "../../../util/extremes.js";
import type { SourceFile } from "../analyze-usage.js";
import { firstDeclared, lineOf, type Tool, type ToolUse } from "./tool.js";

const configFiles = /(^|\/)(vitest\.(config|workspace)\.[cm]?[jt]s|vite\.config\.[cm]?[jt]s)$/;
const providers = ["@vitest/coverage-v8", "@vitest/coverage-istanbul", "@vitest/coverage-c8"];

/**
 * Vitest loads packages no import names: a coverage provider for
 * `--coverage` or `coverage: { enabled }` (`provider: "istanbul"` →
 * `@vitest/coverage-istanbul`, else v8), `@vitest/ui` for `--ui`,
 * `@vitest/browser` for `--browser`. Environments (`jsdom`) are strings the
 * config holds.
 */
export const vitest: Tool = {
  id: "vitest",
  enablers: ["vitest"],
  configFiles: /(^|\/)vitest\.(config|workspace)\.[cm]?[jt]s$/,
  flags: (words, bin, declared) => {
    if (bin !== "vitest") return [];
    const out: string[] = [];
    for (const word of words) {
      if (/^--coverage(\.enabled)?(=true)?$/.test(word))
        pushAll(out, coverageProvider(null, declared));
      else if (word === "--ui") out.push("@vitest/ui");
      else if (word === "--browser" || word.startsWith("--browser.")) out.push("@vitest/browser");
    }
    return out;
  },
  uses: ({ files, declared }) => {
    const out: ToolUse[] = [];
    for (const file of files) {
      if (!configFiles.test(file.path) || !/\bcoverage\s*:/.test(file.text)) continue;
      for (const name of coverageProvider(file, declared))
        out.push({
          name,
          file: file.path,
          line: lineOf(file.text, "coverage"),
          detail: "vitest coverage",
        });
    }
    return out;
  },
};

/** The provider a config names (`provider: "istanbul"`), else the declared one, v8 first. */
function coverageProvider(config: SourceFile | null, declared: ReadonlySet<string>): string[] {
  const named = config && /provider\s*:\s*["'`](\w+)["'`]/.exec(config.text)?.[1];
  if (named) return [`@vitest/coverage-${named}`];
  const found = firstDeclared(providers, declared);
  return found ? [found] : [];
}
