import { configData, field } from "./config-data.js";
import { commandTable, type Tool, type ToolCommand } from "./tool.js";

const configFiles = /(^|\/)\.release-it\.(json|ya?ml|[cm]?[jt]s)$/;

/**
 * release-it loads its plugins by package name, as the keys of `plugins`
 * (`"@release-it/conventional-changelog": { … }`), which config keys carry;
 * its `hooks` (`"before:init": ["npm test"]`) run command lines, read like
 * scripts. Config in package.json's `release-it` key or `.release-it.*`.
 */
export const releaseIt: Tool = {
  id: "release-it",
  enablers: ["release-it"],
  configFiles,
  manifestKey: "release-it",
  commands: ({ files, manifests }) => {
    const out: ToolCommand[] = [];
    for (const m of manifests) {
      const name = `${m.dir ? `${m.dir}/` : ""}package.json release-it`;
      commandTable(field(field(m.data, "release-it"), "hooks"), name, out);
    }
    for (const file of files)
      if (configFiles.test(file.path))
        commandTable(field(configData(file), "hooks"), file.path, out);
    return out;
  },
};
