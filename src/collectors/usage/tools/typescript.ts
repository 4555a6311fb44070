import { configData, field } from "./config-data.js";
import { lineOf, type Tool, type ToolUse } from "./tool.js";

/**
 * A tsconfig implies the compiler (`tsc`, or a bundler's checker, reads it).
 * `compilerOptions.types: ["node"]` loads `@types/node` by name; `extends`,
 * `plugins[].name` and `jsxImportSource` name packages in full, which the
 * file's strings carry.
 */
export const typescript: Tool = {
  id: "typescript",
  enablers: ["typescript"],
  configFiles: /(^|\/)tsconfig(\.[^/]+)?\.json$/,
  uses: ({ files }) => {
    const out: ToolUse[] = [];
    for (const file of files) {
      if (!typescript.configFiles?.test(file.path)) continue;
      const types = field(field(configData(file), "compilerOptions"), "types");
      if (!Array.isArray(types)) continue;
      for (const entry of types) {
        if (typeof entry !== "string" || entry.includes("/") || entry.startsWith("@")) continue;
        const line = lineOf(file.text, `"${entry}"`);
        out.push({ name: `@types/${entry}`, file: file.path, line, detail: `types: ${entry}` });
      }
    }
    return out;
  },
};
