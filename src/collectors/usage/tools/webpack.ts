import type { Tool } from "./tool.js";

/** Webpack names loaders as strings, in full or without `-loader` (`use: ["style", "css"]`, webpack 1). */
export const webpack: Tool = {
  id: "webpack",
  enablers: ["webpack", "webpack-cli"],
  configFiles: /(^|\/)webpack(\.[\w-]+)*\.config\.[cm]?[jt]s$/,
  names: (value) => (value.endsWith("-loader") ? [] : [`${value}-loader`]),
};
