import { configData, field } from "./config-data.js";
import { lineOf, type Tool, type ToolUse } from "./tool.js";

const configFiles = /(^|\/)(nest-cli|\.nestcli|\.nest-cli|nest)\.json$/;

/**
 * The Nest CLI's config names its schematics `collection`
 * (`@nestjs/schematics`, which `nest generate` loads) and its compiler
 * `plugins` (`@nestjs/swagger`) in full, which the file's strings carry.
 * `compilerOptions.builder: "swc"` (or `{ type: "swc" }`) compiles with SWC,
 * which the CLI loads from the project: `@swc/cli` and `@swc/core`, as Nest's
 * docs tell you to install them.
 */
export const nest: Tool = {
  id: "nest",
  enablers: ["@nestjs/cli"],
  configFiles,
  uses: ({ files }) => {
    const out: ToolUse[] = [];
    for (const file of files) {
      if (!configFiles.test(file.path)) continue;
      const builder = field(field(configData(file), "compilerOptions"), "builder");
      const type = typeof builder === "string" ? builder : field(builder, "type");
      if (type !== "swc") continue;
      const line = lineOf(file.text, '"swc"');
      for (const name of ["@swc/cli", "@swc/core"])
        out.push({ name, file: file.path, line, detail: "nest builder swc" });
    }
    return out;
  },
};
