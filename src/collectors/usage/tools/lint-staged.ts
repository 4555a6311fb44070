import { configData, field } from "./config-data.js";
import type { Tool, ToolCommand } from "./tool.js";

const configFiles = /(^|\/)(\.lintstagedrc(\.(json|ya?ml))?|lint-staged\.config\.[cm]?js)$/;

/**
 * lint-staged runs a command line per glob (`"*.ts": ["eslint --fix",
 * "prettier --write"]`), from package.json's `lint-staged` key or its rc file.
 */
export const lintStaged: Tool = {
  id: "lint-staged",
  enablers: ["lint-staged"],
  configFiles,
  manifestKey: "lint-staged",
  commands: ({ files, manifests }) => {
    const out: ToolCommand[] = [];
    for (const m of manifests)
      tasks(field(m.data, "lint-staged"), `${m.dir || "."}/package.json lint-staged`, out);
    for (const file of files)
      if (configFiles.test(file.path)) tasks(configData(file), file.path, out);
    return out;
  },
};

function tasks(config: unknown, name: string, out: ToolCommand[]): void {
  if (!config || typeof config !== "object" || Array.isArray(config)) return;
  for (const value of Object.values(config)) {
    for (const command of Array.isArray(value) ? value : [value])
      if (typeof command === "string") out.push({ name, command });
  }
}
