import type { Tool } from "./tool.js";

/** Rollup's config imports its plugins (plain imports, read as such); the config implies rollup. */
export const rollup: Tool = {
  id: "rollup",
  enablers: ["rollup"],
  configFiles: /(^|\/)rollup\.config\.[cm]?[jt]s$/,
};
