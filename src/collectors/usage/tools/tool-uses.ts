import { pushAll } from "../../../util/extremes.js";
import { resolveProjectFile } from "../resolve-file.js";
import { tools } from "./index.js";
import {
  firstDeclared,
  packagePart,
  type ToolCommand,
  type ToolProject,
  type ToolUse,
} from "./tool.js";

/**
 * The package names a string in the config `file` may stand for: itself (its
 * package part) and the expansions of each tool that reads that file's strings.
 */
export function toolNames(value: string, file: string): string[] {
  const out = [packagePart(value)];
  for (const tool of tools)
    if (tool.names && (!tool.namesIn || tool.namesIn.test(file))) pushAll(out, tool.names(value));
  return out;
}

/**
 * The packages tools make the project use without an import: a tool implied
 * by its config file or package.json key (a tsconfig implies `typescript`),
 * and what each tool's `uses` finds. Only declared packages are returned.
 */
export function toolUses(project: ToolProject): ToolUse[] {
  const out: ToolUse[] = [];
  for (const tool of tools) {
    const own = firstDeclared(tool.enablers, project.declared);
    if (own) {
      const config = tool.configFiles && project.files.find((f) => tool.configFiles?.test(f.path));
      const keyed =
        tool.manifestKey &&
        project.manifests.find((m) => tool.manifestKey && m.data[tool.manifestKey] !== undefined);
      if (config)
        out.push({ name: own, file: config.path, line: 1, detail: `implied by ${config.path}` });
      else if (keyed) {
        const file = `${keyed.dir ? `${keyed.dir}/` : ""}package.json`;
        out.push({ name: own, file, line: 1, detail: `implied by its "${tool.manifestKey}" key` });
      }
    }
    if (tool.uses) pushAll(out, tool.uses(project));
  }
  return out.filter((use) => project.declared.has(use.name));
}

/** Command lines the tools run (git hooks, lint-staged tasks), to read like scripts. */
export function toolCommands(project: ToolProject): ToolCommand[] {
  const out: ToolCommand[] = [];
  for (const tool of tools) if (tool.commands) pushAll(out, tool.commands(project));
  return out;
}

/** Packages one command's flags load (`vitest --coverage`), for the package `bin` belongs to. */
export function flagUses(
  words: readonly string[],
  bin: string,
  declared: ReadonlySet<string>,
): string[] {
  const out: string[] = [];
  for (const tool of tools) if (tool.flags) pushAll(out, tool.flags(words, bin, declared));
  return out;
}

/**
 * The project files tools start the product from, among `files` (extensions tried as an
 * import's), and those they load by their own conventions (a VitePress theme).
 */
export function toolEntries(project: ToolProject, files: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const tool of tools) {
    const byPath = tool.entryFiles;
    if (byPath) for (const file of project.files) if (byPath.test(file.path)) out.push(file.path);
    for (const entry of tool.entries?.(project) ?? []) {
      const file = resolveProjectFile(entry, files);
      if (file) out.push(file);
    }
  }
  return out;
}
