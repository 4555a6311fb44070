import { prefixed, type Tool } from "./tool.js";

/** Stylelint's shareable configs and plugins (`standard` → `stylelint-config-standard`). */
export const stylelint: Tool = {
  id: "stylelint",
  enablers: ["stylelint"],
  configFiles: /(^|\/)(\.stylelintrc(\.(json|ya?ml|[cm]?js))?|stylelint\.config\.[cm]?[jt]s)$/,
  manifestKey: "stylelint",
  names: (value) => prefixed(value, "stylelint-config-"),
};
