import type { Tool } from "./tool.js";

/**
 * Jest takes a test environment by short name (`testEnvironment: "jsdom"`
 * → `jest-environment-jsdom`); presets, transforms, reporters and
 * serializers by package name, which the config's strings carry.
 */
export const jest: Tool = {
  id: "jest",
  enablers: ["jest"],
  configFiles: /(^|\/)jest\.config\.([cm]?[jt]s|json)$/,
  manifestKey: "jest",
  names: (value) => (value.startsWith("jest-environment-") ? [] : [`jest-environment-${value}`]),
};
