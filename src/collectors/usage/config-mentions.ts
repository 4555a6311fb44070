import { toolNames } from "./tools/tool-uses.js";

/**
 * The declared packages the config `file` names as strings, the way tools load
 * plugins: `"plugins": ["prettier-plugin-x"]`, `presets: ["@babel/env"]`,
 * `extends: ["airbnb", "plugin:react/recommended"]`, by each tool's naming
 * rules (tools/). Only declared names can match, so a random string never
 * invents a dependency.
 */
export function configMentions(
  strings: readonly string[],
  declared: ReadonlySet<string>,
  file: string,
): string[] {
  const found = new Set<string>();
  for (const raw of strings) {
    if (raw.length > 214 || /\s/.test(raw)) continue;
    for (const name of toolNames(raw, file)) {
      if (declared.has(name)) found.add(name);
    }
  }
  return [...found];
}

/**
 * Test environments chosen per file in a docblock: `@vitest-environment jsdom`
 * loads the `jsdom` package, `@jest-environment jsdom` loads
 * `jest-environment-jsdom` (or a package named in full). Test runners read
 * these comments themselves, so no import ever names the package.
 */
export function environmentDocblocks(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(/@(vitest|jest)-environment\s+([\w@./-]+)/g)) {
    const [, runner, value = ""] = match;
    out.push(value);
    if (runner === "jest" && !value.startsWith("jest-environment-")) {
      out.push(`jest-environment-${value}`);
    }
  }
  return out;
}
