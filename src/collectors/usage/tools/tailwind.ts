import { lineOf, type Tool, type ToolUse } from "./tool.js";

/**
 * A tailwind config implies `tailwindcss`; so does a stylesheet with the v3
 * `@tailwind base;` directives (v4's `@import "tailwindcss"` and `@plugin
 * "x"` are stylesheet imports, read with the other stylesheets).
 */
export const tailwind: Tool = {
  id: "tailwind",
  enablers: ["tailwindcss"],
  configFiles: /(^|\/)tailwind\.config\.[cm]?[jt]s$/,
  uses: ({ files, declared }) => {
    if (!declared.has("tailwindcss")) return [];
    const out: ToolUse[] = [];
    for (const file of files) {
      if (
        !/\.(css|s[ac]ss|less|vue|svelte|astro)$/.test(file.path) ||
        !file.text.includes("@tailwind")
      )
        continue;
      const line = lineOf(file.text, "@tailwind");
      out.push({ name: "tailwindcss", file: file.path, line, detail: "@tailwind directive" });
      break;
    }
    return out;
  },
};
