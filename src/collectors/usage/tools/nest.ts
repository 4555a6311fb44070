import path from "node:path";
import { configData, field } from "./config-data.js";
import { lineOf, type Tool, type ToolUse } from "./tool.js";

const configFiles = /(^|\/)(nest-cli|\.nestcli|\.nest-cli|nest)\.json$/;

/**
 * The Nest CLI's config names its schematics `collection`
 * (`@nestjs/schematics`, which `nest generate` loads) and its compiler
 * `plugins` (`@nestjs/swagger`) in full, which the file's strings carry.
 * `compilerOptions.builder: "swc"` (or `{ type: "swc" }`) compiles with SWC,
 * which the CLI loads from the project: `@swc/cli` and `@swc/core`, as Nest's
 * docs tell you to install them. `nest start` runs `sourceRoot/entryFile`
 * (`src/main.ts` by default, each project's in a monorepo): the product.
 */
export const nest: Tool = {
  id: "nest",
  enablers: ["@nestjs/cli"],
  configFiles,
  entries: ({ files }) => {
    const out: string[] = [];
    for (const file of files) {
      if (!configFiles.test(file.path)) continue;
      const config = configData(file);
      const dir = path.posix.dirname(file.path);
      out.push(entryOf(dir, config));
      // A monorepo's apps and libraries: each project's own `sourceRoot` and `entryFile`.
      const projects = field(config, "projects");
      if (projects && typeof projects === "object")
        for (const project of Object.values(projects)) out.push(entryOf(dir, project));
    }
    return out;
  },
  // `nest start -b swc` (`--builder swc`, `--builder=swc`): the same SWC packages as the config's builder.
  flags: (words, bin) => {
    if (bin !== "nest") return [];
    const builder = words.findIndex((w) => w === "-b" || w === "--builder");
    const value = builder >= 0 ? words[builder + 1] : words.find((w) => w.startsWith("--builder="));
    return value?.replace(/^--builder=/, "") === "swc" ? [...swcPackages] : [];
  },
  uses: ({ files }) => {
    const out: ToolUse[] = [];
    for (const file of files) {
      if (!configFiles.test(file.path)) continue;
      const builder = field(field(configData(file), "compilerOptions"), "builder");
      const type = typeof builder === "string" ? builder : field(builder, "type");
      if (type !== "swc") continue;
      const line = lineOf(file.text, '"swc"');
      for (const name of swcPackages)
        out.push({ name, file: file.path, line, detail: "nest builder swc" });
    }
    return out;
  },
};

/** What Nest's swc builder loads from the project, as Nest's docs tell you to install. */
const swcPackages = ["@swc/cli", "@swc/core"] as const;

/** `nest start` runs `<sourceRoot>/<entryFile>`, by default `src/main`. */
function entryOf(dir: string, config: unknown): string {
  const text = (key: string, fallback: string) => {
    const value = field(config, key);
    return typeof value === "string" && value !== "" ? value : fallback;
  };
  return path.posix.join(dir, text("sourceRoot", "src"), text("entryFile", "main"));
}
