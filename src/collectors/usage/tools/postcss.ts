import type { Tool } from "./tool.js";

/** PostCSS names its plugins in full, as strings or object keys (`plugins: { autoprefixer: {} }`). */
export const postcss: Tool = {
  id: "postcss",
  enablers: ["postcss"],
  configFiles: /(^|\/)(\.postcssrc(\.(json|ya?ml|[cm]?js|[cm]?ts))?|postcss\.config\.[cm]?[jt]s)$/,
  manifestKey: "postcss",
};
