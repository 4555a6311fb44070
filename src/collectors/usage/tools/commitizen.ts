import type { ProjectManifest } from "../analyze-usage.js";
import { configData, field } from "./config-data.js";
import { lineOf, packagePart, type Tool, type ToolUse } from "./tool.js";

/**
 * commitizen (`cz`, or a bundled CLI such as `czg`) loads the adapter its
 * config names by path: `"config": { "commitizen": { "path": "node_modules/cz-git" } }`
 * in package.json, or `path` in `.czrc`. The path is a package's folder, not an import.
 */
export const commitizen: Tool = {
  id: "commitizen",
  enablers: ["commitizen"],
  configFiles: /(^|\/)\.czrc$/,
  uses: ({ files, manifests }) => {
    const out: ToolUse[] = [];
    for (const m of manifests) {
      const adapter = adapterName(field(field(m.data.config, "commitizen"), "path"));
      if (adapter) out.push(use(adapter, manifestPath(m), 1, "config.commitizen.path"));
    }
    for (const file of files) {
      if (!commitizen.configFiles?.test(file.path)) continue;
      const written = field(configData(file), "path");
      const adapter = adapterName(written);
      if (adapter) out.push(use(adapter, file.path, lineOf(file.text, String(written)), "path"));
    }
    return out;
  },
};

/** `./node_modules/cz-conventional-changelog` → `cz-conventional-changelog`; null for a project file. */
function adapterName(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const bare = value.replace(/^(\.\/)?(node_modules\/)?/, "");
  // A relative path that is not into node_modules is the project's own adapter.
  if (bare === "" || bare.startsWith(".") || bare.startsWith("/")) return null;
  return packagePart(bare);
}

function manifestPath(m: ProjectManifest): string {
  return `${m.dir ? `${m.dir}/` : ""}package.json`;
}

function use(name: string, file: string, line: number, key: string): ToolUse {
  return { name, file, line, detail: `commitizen adapter (${key})` };
}
