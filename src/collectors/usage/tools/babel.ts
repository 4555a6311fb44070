import { prefixed, type Tool } from "./tool.js";

/**
 * Babel's presets and plugins by short name: `env` → `babel-preset-env`,
 * `@babel/env` → `@babel/preset-env`, `@scope/x` → `@scope/babel-plugin-x`,
 * `module:metro-react-native-babel-preset` as written.
 */
export const babel: Tool = {
  id: "babel",
  enablers: ["@babel/core", "babel-core"],
  configFiles: /(^|\/)(\.babelrc(\.(json|[cm]?js))?|babel\.config\.(json|[cm]?[jt]s))$/,
  manifestKey: "babel",
  names: (value) => {
    const out = [...prefixed(value, "babel-plugin-"), ...prefixed(value, "babel-preset-")];
    const [scope, rest] = value.split("/");
    if (scope?.startsWith("@") && rest)
      out.push(`${scope}/preset-${rest}`, `${scope}/plugin-${rest}`);
    return out;
  },
};
