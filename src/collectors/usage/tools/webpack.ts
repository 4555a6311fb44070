import type { Tool } from "./tool.js";

/**
 * Webpack names loaders as strings, in full or without `-loader` (`use:
 * ["style", "css"]`, webpack 1). Short names are common words (`ts`, `css`,
 * `file`), so they count only in a config file named for webpack
 * (`webpack.config.js`, `config/webpack/prod.config.js`), never in another
 * tool's `moduleFileExtensions: ["ts"]`.
 */
export const webpack: Tool = {
  id: "webpack",
  enablers: ["webpack", "webpack-cli"],
  configFiles: /(^|\/)webpack(\.[\w-]+)*\.config\.[cm]?[jt]s$/,
  names: (value) => (value.endsWith("-loader") ? [] : [`${value}-loader`]),
  namesIn: /webpack[^/]*(\/[^/]+)*\.[cm]?[jt]s$/,
};
