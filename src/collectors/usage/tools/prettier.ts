import { prefixed, type Tool } from "./tool.js";

/** Prettier loads plugins by name (`prettier-plugin-x`, short names too in Prettier 2) and shared configs. */
export const prettier: Tool = {
  id: "prettier",
  enablers: ["prettier"],
  configFiles:
    /(^|\/)(\.prettierrc(\.(json5?|ya?ml|toml|[cm]?js|ts))?|prettier\.config\.[cm]?[jt]s)$/,
  manifestKey: "prettier",
  names: (value) => prefixed(value, "prettier-plugin-"),
};
