import type { Tool } from "./tool.js";

/**
 * Storybook's `.storybook/main.*` names addons and the framework as package
 * strings (`@storybook/addon-essentials`, `{ name: "@storybook/react-vite" }`),
 * which the file's strings carry; the folder implies the CLI.
 */
export const storybook: Tool = {
  id: "storybook",
  enablers: ["storybook", "@storybook/cli"],
  configFiles: /(^|\/)\.storybook\/main\.[cm]?[jt]sx?$/,
};
