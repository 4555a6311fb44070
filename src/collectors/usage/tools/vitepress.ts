import type { Tool } from "./tool.js";

/**
 * VitePress loads `.vitepress/config.ts` (plain imports of its markdown and
 * Vite plugins; config.ts's role is config, see file-role.ts) and the theme's
 * `.vitepress/theme/index.ts`, which no package.json names: the theme is the
 * site's client code, so it is a production entry. Its `cache/` and `dist/`
 * folders are generated and never read (read-project-files.ts).
 */
export const vitepress: Tool = {
  id: "vitepress",
  enablers: ["vitepress"],
  configFiles: /(^|\/)\.vitepress\/config(\/index)?\.[cm]?[jt]s$/,
  entryFiles: /(^|\/)\.vitepress\/theme\/index\.[cm]?[jt]s$/,
};
