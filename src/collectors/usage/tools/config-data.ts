import { createRequire } from "node:module";
import { parse as parseJsonc } from "jsonc-parser";
import type * as Yaml from "yaml";
import type { SourceFile } from "../analyze-usage.js";

let yaml: typeof Yaml | null = null;

/** `yaml` is loaded with the first YAML config: most projects have none. */
function parseYaml(text: string): unknown {
  yaml ??= createRequire(import.meta.url)("yaml") as typeof Yaml;
  return yaml.parse(text, { maxAliasCount: 100 });
}

/**
 * A JSON, JSONC or YAML config file's data (`.babelrc`, `.lintstagedrc.yml`,
 * `tsconfig.json`); null for a JS config (its strings come from the parse)
 * and for one that does not parse (tools report that themselves).
 */
export function configData(file: SourceFile): unknown {
  if (/\.[cm]?[jt]sx?$/.test(file.path)) return null;
  try {
    if (/\.ya?ml$/.test(file.path)) return parseYaml(file.text) ?? null;
    return parseJsonc(file.text) ?? null;
  } catch {
    return null;
  }
}

/** The object at `key` of a record-like value, or null. */
export function field(value: unknown, key: string): unknown {
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}
