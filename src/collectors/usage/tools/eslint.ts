import { prefixed, type Tool } from "./tool.js";

/**
 * ESLint names plugins (`react` → `eslint-plugin-react`, `@scope` →
 * `@scope/eslint-plugin`), shareable configs (`airbnb` →
 * `eslint-config-airbnb`, `plugin:react/recommended` → the plugin) and
 * import resolvers (`import/resolver: { typescript }` →
 * `eslint-import-resolver-typescript`).
 */
export const eslint: Tool = {
  id: "eslint",
  enablers: ["eslint"],
  configFiles: /(^|\/)(\.eslintrc(\.(json|js|cjs|yml|yaml))?|eslint\.config\.[cm]?[jt]s)$/,
  manifestKey: "eslintConfig",
  names: (value) => [
    ...prefixed(value, "eslint-plugin-"),
    ...prefixed(value, "eslint-config-"),
    `eslint-import-resolver-${value}`,
  ],
};
