import type { Tool } from "./tool.js";

/**
 * Vite's config imports its plugins (plain imports); the config implies
 * vite. The compilers it loads for stylesheets are css-preprocessors.ts's.
 */
export const vite: Tool = {
  id: "vite",
  enablers: ["vite"],
  configFiles: /(^|\/)vite\.config\.[cm]?[jt]s$/,
};
