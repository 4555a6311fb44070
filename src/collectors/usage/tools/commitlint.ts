import { prefixed, type Tool } from "./tool.js";

/**
 * commitlint's shared configs (`extends: ["@commitlint/config-conventional"]`,
 * short `conventional` → `commitlint-config-conventional`); a config implies
 * its CLI, which a husky `commit-msg` hook runs.
 */
export const commitlint: Tool = {
  id: "commitlint",
  enablers: ["@commitlint/cli", "commitlint"],
  configFiles:
    /(^|\/)(\.commitlintrc(\.(json|ya?ml|[cm]?js|[cm]?ts))?|commitlint\.config\.[cm]?[jt]s)$/,
  manifestKey: "commitlint",
  names: (value) => prefixed(value, "commitlint-config-"),
};
