import type { Tool } from "./tool.js";

/** A playwright config implies the test runner (`@playwright/test`, or `playwright` that re-exports it). */
export const playwright: Tool = {
  id: "playwright",
  enablers: ["@playwright/test", "playwright"],
  configFiles: /(^|\/)playwright(-ct)?\.config\.[cm]?[jt]s$/,
};
