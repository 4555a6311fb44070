import { configData, field } from "./config-data.js";
import { commandTable, type Tool, type ToolCommand } from "./tool.js";

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
      commandTable(field(m.data, "lint-staged"), `${m.dir || "."}/package.json lint-staged`, out);
    for (const file of files)
      if (configFiles.test(file.path)) commandTable(configData(file), file.path, out);
    return out;
  },
};
