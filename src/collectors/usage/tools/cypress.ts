import type { Tool } from "./tool.js";

/** A cypress config implies cypress; its `cypress/` folder holds tests (file-role.ts). */
export const cypress: Tool = {
  id: "cypress",
  enablers: ["cypress"],
  configFiles: /(^|\/)cypress\.(config\.[cm]?[jt]s|json)$/,
};
